// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.CompletionMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PbsSubmitCommandTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static PbsSubmitCommand cmd(PbsDialect d) {
        return cmd(d, null);
    }

    private static PbsSubmitCommand cmd(PbsDialect d, String exitDirectory) {
        return new PbsSubmitCommand(ScriptRenderer.forDriver("pbs", PbsProvider.TEMPLATE, PbsProvider.class, Map.of()), d,
                "/home/u", exitDirectory, UTC);
    }

    private static List<String> directives(Command c) {
        List<String> out = new ArrayList<>();
        for (String line : new String(c.stdin(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("#PBS ")) out.add(line.substring(5));
        }
        return out;
    }

    private static List<String> options(PbsDialect d, JobTemplate t, BulkRange bulk) {
        List<String> out = new ArrayList<>();
        for (List<String> o : cmd(d).options(t, bulk)) out.add(String.join(" ", o));
        return out;
    }

    @Test
    void tag_isAJobVariableOnPbs_joinsANativeV_andTheSlurmCommentUnderTheWrappers() {
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        assertTrue(directives(cmd(PbsDialect.PBSPRO).build(t, null, "0123456789ab.cdef01234567"))
                .contains("-v DRMAA2J_TAG=drmaa2j:0123456789ab.cdef01234567"));
        assertTrue(directives(cmd(PbsDialect.TORQUE).build(t, new BulkRange(1, 3, 1, 0), "a.b")).contains("-v DRMAA2J_TAG=drmaa2j:a.b"));
        JobTemplate withV = JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "-v A=1,B=two\n-l walltime=60").build();
        List<String> d = directives(cmd(PbsDialect.PBSPRO).build(withV, null, "a.b"));
        assertEquals(List.of("-v DRMAA2J_TAG=drmaa2j:a.b,A=1,B=two"), d.stream().filter(x -> x.startsWith("-v")).toList(),
                "qsub keeps only the last -v: one list");
        assertTrue(directives(cmd(PbsDialect.PBSPRO).build(t, null)).stream().noneMatch(x -> x.startsWith("-v")), "no tag, no -v");
        Command w = cmd(PbsDialect.SLURM_WRAPPERS).build(t, null, "a.b");
        assertTrue(new String(w.stdin(), StandardCharsets.UTF_8).contains("\n#SBATCH --comment=drmaa2j:a.b\n"));
        assertFalse(w.argv().contains("-v"));
    }

    @Test
    void build_minimalJob_optionsAsDirectives_scriptOnStdin() {
        Command c = cmd(PbsDialect.PBSPRO).build(JobTemplate.builder("/bin/true").build(), null);
        assertEquals(List.of("qsub"), c.argv(), "the script arrives on standard input");
        assertEquals(List.of("-S /bin/bash", "-r n"), directives(c));
        assertFalse(c.retryable(), "a submission is never repeated blindly");
        String script = new String(c.stdin(), StandardCharsets.UTF_8);
        assertTrue(script.startsWith("#!/bin/bash\n"));
        assertTrue(script.indexOf("#PBS -r n") < script.indexOf("DRMAA2J_INDEX="), "directives come before the first command");
        assertTrue(script.contains("DRMAA2J_INDEX=${PBS_ARRAY_INDEX:-1}\n"));
        assertTrue(script.contains("cd -- /home/u || exit 125\n"));
    }

    @Test
    void build_slurmWrappers_shellSafeOptionsAsArgv_scriptFromStdin_nameAsSbatchDirective() {
        Command c = cmd(PbsDialect.SLURM_WRAPPERS).build(JobTemplate.builder("/bin/true")
                .jobName("it's a \"job\" $(id) `id` \\ #1").queueName("debug").submitAsHold(true)
                .emailOnStarted(true).emailOnTerminated(true).build(), new BulkRange(1, 5, 2, 2));
        assertEquals(List.of("qsub", "-o", "/dev/null", "-e", "/dev/null", "-h", "-q", "debug", "-r", "n", "-t", "1-5:2%2",
                "/dev/stdin"), c.argv(), "the wrapper's qsub wants a script file; its -o and -e are always set");
        String script = new String(c.stdin(), StandardCharsets.UTF_8);
        assertEquals(List.of(), directives(c));
        assertTrue(script.contains("\n#SBATCH --job-name=\"it's a \\\"job\\\" $(id) `id` \\\\ #1\"\n"), script);
        assertTrue(script.contains("\n#SBATCH --mail-type=BEGIN,END\n"), "the wrapper keeps only the last of several -m events");
        assertTrue(script.indexOf("#SBATCH") < script.indexOf("DRMAA2J_INDEX="), "sbatch reads directives before the first command");
        assertTrue(script.contains("DRMAA2J_INDEX=${SLURM_ARRAY_TASK_ID:-1}\n"));
    }

    @Test
    void slurmWrappers_valuesTheWrapperWouldHandToAShellUnquoted_areRejectedNamingTheField() {
        Map<String, JobTemplate.Builder> cases = Map.of(
                "queueName", JobTemplate.builder("/bin/true").queueName("q[1]"),
                "accountingId", JobTemplate.builder("/bin/true").accountingId("a[b]"),
                "extensions[" + Extensions.NATIVE_OPTIONS + "]", JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "-P $(id)"));
        cases.forEach((field, b) -> assertEquals(field, assertThrows(InvalidArgumentException.class,
                () -> cmd(PbsDialect.SLURM_WRAPPERS).build(b.build(), null), field).getField()));
        assertEquals(List.of("qsub", "-o", "/dev/null", "-e", "/dev/null", "-r", "n", "-P", "proj-1", "/dev/stdin"),
                cmd(PbsDialect.SLURM_WRAPPERS).build(JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "-P proj-1").build(), null).argv());
    }

    @Test
    void options_everyAttribute_pbspro() {
        JobTemplate t = JobTemplate.builder("/bin/echo")
                .jobName("my_job-1+x").submitAsHold(true).outputPath("/tmp/o").errorPath("/tmp/e").inputPath("/tmp/i")
                .accountingId("proj1").minSlots(4L).minPhysMemory(2048L * 1024 + 1).priority(-5L).rerunnable(true)
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90_061).startTime(Instant.parse("2030-01-02T03:04:05Z"))
                .email(List.of("a@b.c", "d@e.f")).emailOnStarted(true).emailOnTerminated(true).reservationId("R123.pbshost")
                .extension(Extensions.NODES, "2").extension(Extensions.TASKS_PER_NODE, "2").extension(Extensions.CPUS_PER_TASK, "3")
                .extension(Extensions.GPUS_PER_NODE, "1").extension(Extensions.DEPENDENCIES, "afterok:11.s:12.s,afterany:2[].s")
                .extension(Extensions.NATIVE_OPTIONS, "-l place=scatter:excl\n-W sandbox=PRIVATE")
                .build();
        assertEquals(List.of("-S /bin/bash", "-N my_job-1+x", "-h", "-q R123.pbshost", "-A proj1", "-o /dev/null", "-e /dev/null",
                "-r y", "-p -5", "-a 203001020304.05", "-M a@b.c,d@e.f", "-m be",
                "-l select=2:ncpus=6:mpiprocs=2:ompthreads=3:mem=2049mb:ngpus=1", "-l place=scatter", "-l walltime=25:01:01",
                "-W depend=afterok:11.s:12.s,afterany:2[].s", "-J 1-10:3%4", "-l place=scatter:excl", "-W sandbox=PRIVATE"),
                options(PbsDialect.PBSPRO, t, new BulkRange(1, 10, 3, 4)));
    }

    @Test
    void build_arrayOfOneIndex_onOpenPbs_isAPlainJobWithThatIndex() {
        Command c = cmd(PbsDialect.PBSPRO).build(JobTemplate.builder("/bin/true").build(), new BulkRange(5, 5, 1, 0));
        assertTrue(directives(c).stream().noneMatch(d -> d.startsWith("-J")), directives(c).toString());
        assertTrue(new String(c.stdin(), StandardCharsets.UTF_8).contains("DRMAA2J_INDEX=${PBS_ARRAY_INDEX:-5}\n"));
        assertTrue(directives(cmd(PbsDialect.TORQUE).build(JobTemplate.builder("/bin/true").build(), new BulkRange(5, 5, 1, 0)))
                .contains("-t 5-5"));
    }

    @Test
    void options_everyAttribute_torque_andWrappers() {
        JobTemplate t = JobTemplate.builder("/bin/echo").jobName("n;x").queueName("batch").accountingId("p").joinFiles(true)
                .minPhysMemory(1024L * 1024).priority(10L).startTime(Instant.parse("2030-01-02T03:04:05Z"))
                .email(List.of("a@b.c")).emailOnTerminated(true)
                .extension(Extensions.NODES, "2").extension(Extensions.TASKS_PER_NODE, "4").extension(Extensions.GPUS_PER_NODE, "2")
                .extension(Extensions.DEPENDENCIES, "afterok:45[3]").build();
        assertEquals(List.of("-S /bin/bash", "-N n;x", "-q batch", "-A p", "-o /dev/null", "-e /dev/null", "-r n", "-p 10",
                "-a 203001020304.05", "-M a@b.c", "-m e", "-l nodes=2:ppn=4:gpus=2", "-l mem=2048mb",
                "-W depend=afterok:45[3]", "-t 1,4,7,10%2"), options(PbsDialect.TORQUE, t, new BulkRange(1, 10, 3, 2)));
        assertEquals(List.of("-o /dev/null", "-e /dev/null", "-q batch", "-A p", "-r n", "-p 10",
                "-a 2030-01-02T03:04:05", "-M a@b.c", "-l nodes=2:ppn=4,naccelerators=2,mem=1024mb",
                "-W depend=afterok:45_3", "-t 1-10:3%2"), options(PbsDialect.SLURM_WRAPPERS, t, new BulkRange(1, 10, 3, 2)),
                "the wrapper's resource words in its one -l; memory per node for sbatch --mem; Slurm's own array and dependency ids");
    }

    /** The PBS Pro and TORQUE rows of clusterjob's parallelization paradigms, on nodes with 32 cores. */
    @Test
    void resources_parallelizationParadigms() {
        record Paradigm(int nodes, int ppn, int threads, String pbspro, String torque) {
        }
        List<Paradigm> rows = List.of(
                new Paradigm(2, 32, 1, "select=2:ncpus=32:mpiprocs=32:ompthreads=1", "nodes=2:ppn=32"), // multi-process (MPI)
                new Paradigm(1, 1, 32, "select=1:ncpus=32:mpiprocs=1:ompthreads=32", "nodes=1:ppn=32"), // multi-threaded (OpenMP)
                new Paradigm(4, 2, 16, "select=4:ncpus=32:mpiprocs=2:ompthreads=16", "nodes=4:ppn=32")); // hybrid
        for (Paradigm p : rows) {
            JobTemplate t = JobTemplate.builder("/bin/true").extension(Extensions.NODES, "" + p.nodes())
                    .extension(Extensions.TASKS_PER_NODE, "" + p.ppn()).extension(Extensions.CPUS_PER_TASK, "" + p.threads()).build();
            assertTrue(options(PbsDialect.PBSPRO, t, null).contains("-l " + p.pbspro()), p + " " + options(PbsDialect.PBSPRO, t, null));
            assertTrue(options(PbsDialect.TORQUE, t, null).contains("-l " + p.torque()), p.toString());
            List<String> w = options(PbsDialect.SLURM_WRAPPERS, t, null);
            String l = "-l nodes=" + p.nodes() + ":ppn=" + p.ppn() + (p.threads() == 1 ? "" : ",mppdepth=" + p.threads());
            assertTrue(w.contains(l), w.toString());
            String script = new String(cmd(PbsDialect.TORQUE).build(t, null).stdin(), StandardCharsets.UTF_8);
            assertTrue(script.contains("export OMP_NUM_THREADS=" + p.threads() + "\n"), "OMP_NUM_THREADS is the threads per process");
        }
        JobTemplate slotsOnly = JobTemplate.builder("/bin/true").minSlots(8L).build();
        assertTrue(options(PbsDialect.PBSPRO, slotsOnly, null).contains("-l select=8:ncpus=1:mpiprocs=1:ompthreads=1"));
        assertTrue(options(PbsDialect.TORQUE, slotsOnly, null).contains("-l nodes=1:ppn=8"));
        InvalidArgumentException mem = assertThrows(InvalidArgumentException.class, () -> options(PbsDialect.PBSPRO,
                JobTemplate.builder("/bin/true").minSlots(8L).extension(Extensions.MEMORY_PER_NODE_MB, "100").build(), null));
        assertEquals("extensions[" + Extensions.MEMORY_PER_NODE_MB + "]", mem.getField());
    }

    @Test
    void jobNames_followEachSchedulersRules() {
        String max = "a".repeat(PbsSubmitCommand.PBSPRO_MAX_NAME);
        assertTrue(options(PbsDialect.PBSPRO, JobTemplate.builder("/bin/true").jobName(max).build(), null).contains("-N " + max));
        for (String bad : List.of("my job", "1abc", "a.b", "a;b", "ä", max + "a")) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> options(PbsDialect.PBSPRO, JobTemplate.builder("/bin/true").jobName(bad).build(), null), bad);
            assertEquals("jobName", e.getField());
            assertTrue(e.getMessage().contains("letter"), e.getMessage());
        }
        assertEquals("jobName", assertThrows(InvalidArgumentException.class,
                () -> options(PbsDialect.PBSPRO, JobTemplate.builder("/bin/true").jobName("x\ny").build(), null)).getField());
        assertTrue(options(PbsDialect.TORQUE, JobTemplate.builder("/bin/true").jobName("a.b;c$d").build(), null).contains("-N a.b;c$d"));
        for (String bad : List.of("a b", "a\"b", "a'b", "9x", "ü", "a".repeat(257), "x\ry")) {
            assertEquals("jobName", assertThrows(InvalidArgumentException.class,
                    () -> options(PbsDialect.TORQUE, JobTemplate.builder("/bin/true").jobName(bad).build(), null), bad).getField());
        }
        assertEquals("jobName", assertThrows(InvalidArgumentException.class,
                () -> options(PbsDialect.SLURM_WRAPPERS, JobTemplate.builder("/bin/true").jobName("a\nb").build(), null)).getField());
    }

    @Test
    void directiveValues_thatPbsWouldSplitOrMisread_areRejectedNamingTheField() {
        Map<String, JobTemplate.Builder> cases = Map.of(
                "queueName", JobTemplate.builder("/bin/true").queueName("work q"),
                "accountingId", JobTemplate.builder("/bin/true").accountingId("a\"b"),
                "email[1]", JobTemplate.builder("/bin/true").email(List.of("a@b", "c d@e")),
                "reservationId", JobTemplate.builder("/bin/true").queueName("q").reservationId("R1"),
                "priority", JobTemplate.builder("/bin/true").priority(5000L),
                "extensions[" + Extensions.NATIVE_OPTIONS + "]",
                JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "-l a=b\n#!/bin/rm -rf ~"),
                "extensions[" + Extensions.DEPENDENCIES + "]",
                JobTemplate.builder("/bin/true").extension(Extensions.DEPENDENCIES, "afterok:1;reboot"));
        cases.forEach((field, b) -> assertEquals(field, assertThrows(InvalidArgumentException.class,
                () -> cmd(PbsDialect.PBSPRO).build(b.build(), null), field).getField()));
    }

    @Test
    void script_runsTheCommandWithExactArgvEnvironmentStreamsAndIndex_inEveryDialect(@TempDir Path dir) throws Exception {
        Map<PbsDialect, Map<String, String>> jobEnv = Map.of(
                PbsDialect.PBSPRO, Map.of("PBS_ARRAY_INDEX", "7", "PBS_JOBID", "2[7].pbshost"),
                PbsDialect.TORQUE, Map.of("PBS_ARRAYID", "7", "PBS_JOBID", "2[7].server"),
                PbsDialect.SLURM_WRAPPERS, Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_JOB_ID", "45", "SLURM_JOB_ID", "52"));
        Map<PbsDialect, String> expectedId = Map.of(PbsDialect.PBSPRO, "2[7].pbshost", PbsDialect.TORQUE, "2[7].server",
                PbsDialect.SLURM_WRAPPERS, "45[7]");
        for (PbsDialect d : PbsDialect.values()) {
            Path work = Files.createDirectories(dir.resolve(d.name()).resolve("w d 'ü' $x"));
            Path exits = dir.resolve(d.name()).resolve("exit");
            Files.writeString(work.resolve("in 7.txt"), "from stdin", StandardCharsets.UTF_8);
            List<String> args = List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=$DRMAA2_INDEX$", "");
            JobTemplate t = JobTemplate.builder("/bin/sh")
                    .args(concat(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '%s\\0' \"$V\" \"$(pwd)\"; "
                            + "cat; echo err >&2; exit 3", "sh"), args))
                    .workingDirectory(work.toString()).outputPath("$DRMAA2_WORKING_DIR$/out $DRMAA2_INDEX$.txt")
                    .errorPath("err_$DRMAA2_INDEX$").inputPath("in $DRMAA2_INDEX$.txt")
                    .env("V", "x'y\"z $(id) `id` \\ \n end").resourceLimit(ResourceLimit.OPEN_FILES, 64).build();
            Command c = cmd(d, exits.toString()).build(t, new BulkRange(7, 9, 1, 0));
            Path file = dir.resolve(d.name()).resolve("job.sh");
            Files.write(file, c.stdin());
            CommandResult r = new LocalCommandRunner(jobEnv.get(d)).run(Command.of("/bin/bash", file.toString()));
            assertEquals(3, r.exitCode(), d + ": " + r.stderr());
            String[] got = Files.readString(work.resolve("out 7.txt"), StandardCharsets.UTF_8).split("\0", -1);
            assertEquals(List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=7", "",
                    "x'y\"z $(id) `id` \\ \n end", work.toString(), "from stdin"), List.of(got), d.toString());
            assertEquals("err\n", Files.readString(work.resolve("err_7")), d.toString());
            assertFalse(Files.exists(dir.resolve("pwned")));
            CompletionMarker m = CompletionMarker.parse(Files.readString(exits.resolve(expectedId.get(d))));
            assertEquals(3, m.exitStatus(), d + ": the exit file is named by the job's own id");
            Path start = exits.resolve(expectedId.get(d) + ExitFiles.START_SUFFIX);
            if (d == PbsDialect.SLURM_WRAPPERS) {
                assertEquals("52", ExitFiles.found("==45[7].start\n" + Files.readString(start)).schedulerIds().get("45[7]"),
                        "a task leaves the Slurm number the wrappers show it under");
            } else {
                assertFalse(Files.exists(start), d + ": the job id is what qstat shows");
            }
            assertTrue(new String(c.stdin(), StandardCharsets.UTF_8).contains("ulimit -n 64 || exit 125"));
        }
    }

    @Test
    void script_commandKilledBySignal_exitFileNamesTheSignal_exit255StaysAnExitStatus(@TempDir Path dir) throws Exception {
        Map<String, CompletionMarker> markers = new java.util.HashMap<>();
        for (String code : List.of("kill -s KILL $$", "exit 255")) {
            JobTemplate t = JobTemplate.builder("/bin/sh").args("-c", code).workingDirectory(dir.toString()).build();
            Path file = dir.resolve("job.sh");
            Files.write(file, cmd(PbsDialect.SLURM_WRAPPERS, dir.resolve("exit").toString()).build(t, null).stdin());
            new LocalCommandRunner(Map.of("SLURM_JOB_ID", "7")).run(Command.of("/bin/bash", file.toString()));
            markers.put(code, CompletionMarker.parse(Files.readString(dir.resolve("exit").resolve("7"))));
        }
        assertEquals(9, markers.get("kill -s KILL $$").signal());
        assertNull(markers.get("kill -s KILL $$").exitStatus());
        assertEquals(255, markers.get("exit 255").exitStatus());
        assertEquals(0, markers.get("exit 255").signal());
    }

    @Test
    void script_joinFiles_sendsErrorToTheOutputFile(@TempDir Path dir) throws Exception {
        JobTemplate t = JobTemplate.builder("/bin/sh").args("-c", "echo out; echo err >&2").workingDirectory(dir.toString())
                .outputPath("both").errorPath("ignored").joinFiles(true).build();
        Path file = dir.resolve("job.sh");
        Files.write(file, cmd(PbsDialect.TORQUE).build(t, null).stdin());
        CommandResult r = new LocalCommandRunner().run(Command.of("/bin/bash", file.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("out\nerr\n", Files.readString(dir.resolve("both")));
        assertFalse(Files.exists(dir.resolve("ignored")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
