// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.ExtensionKeys;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bsub command line and job script for every template attribute. */
class LsfSubmitCommandTest {
    private final LsfSubmitCommand cmd = new LsfSubmitCommand(
            ScriptRenderer.forDriver("lsf", LsfProvider.TEMPLATE, LsfProvider.class, Map.of()), "/home/u",
            LsfDialect.MODERN, ZoneOffset.UTC, CliCommands.onPath(null));

    private static JobTemplate.Builder t() {
        return JobTemplate.builder("/bin/true");
    }

    /** @return the bsub options without the program */
    private List<String> options(JobTemplate t) {
        Command c = cmd.build(t, null, null);
        assertEquals("bsub", c.argv().get(0));
        return c.argv().subList(1, c.argv().size());
    }

    /** @return the value after a flag, failing when the flag is absent */
    private static String after(List<String> o, String flag) {
        int i = o.indexOf(flag);
        assertTrue(i >= 0 && i + 1 < o.size(), flag + " missing in " + o);
        return o.get(i + 1);
    }

    /** The check the generic session and the backend make before anything is submitted. */
    private void check(JobTemplate t) {
        TemplateChecks.requireCapabilities(t, LsfBackend.CAPABILITIES, Set.of());
        ExtensionKeys.STANDARD.check(t);
        cmd.build(t, null, null);
    }

    @Test
    void build_minimalJob() {
        Command c = cmd.build(t().build(), null, null);
        assertEquals(List.of("bsub", "-cwd", "/home/u", "-o", "/home/u/lsf-%J.out", "-rn"), c.argv());
        assertFalse(c.retryable(), "a submission is never repeated blindly");
        String script = new String(c.stdin(), StandardCharsets.UTF_8);
        assertTrue(script.startsWith("#!/bin/bash\n"), script);
        assertTrue(script.contains("drmaa2j_run /bin/true\n"), script);
    }

    @Test
    void build_jobNameIsOneArgvEntry_andNamesLsfWouldMisreadAreRefused() {
        assertEquals("my job; rm -rf ~ `id` $(x)", after(options(t().jobName("my job; rm -rf ~ `id` $(x)").build()), "-J"));
        for (String bad : List.of("a\nb", "a\rb", "x[1-3]")) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> cmd.build(t().jobName(bad).build(), null, null));
            assertEquals("jobName", e.getField());
        }
    }

    @Test
    void build_submitAsHold_rerunnable() {
        assertTrue(options(t().submitAsHold(true).build()).contains("-H"));
        assertFalse(options(t().build()).contains("-H"));
        assertTrue(options(t().rerunnable(true).build()).contains("-r"));
        assertTrue(options(t().build()).contains("-rn"));
        LsfSubmitCommand old = new LsfSubmitCommand(ScriptRenderer.forDriver("lsf", LsfProvider.TEMPLATE, LsfProvider.class, Map.of()),
                "/home/u", LsfDialect.detect("IBM Platform LSF Standard 9.1.3.0", null, null), ZoneOffset.UTC, CliCommands.onPath(null));
        assertFalse(old.build(t().build(), null, null).argv().contains("-rn"), "LSF 9.1 has no -rn");
    }

    @Test
    void build_tag_isTheJobDescription_lastOnTheCommandLine_fromLsf10_1_0_2() {
        List<String> argv = cmd.build(t().build(), null, "0123456789ab.cdef01234567").argv();
        assertEquals(List.of("-Jd", "drmaa2j:0123456789ab.cdef01234567"), argv.subList(argv.size() - 2, argv.size()));
        assertFalse(cmd.build(t().build(), null, null).argv().contains("-Jd"));
        LsfSubmitCommand old = new LsfSubmitCommand(ScriptRenderer.forDriver("lsf", LsfProvider.TEMPLATE, LsfProvider.class, Map.of()),
                "/home/u", LsfDialect.detect("IBM Platform LSF Standard 9.1.3.0", null, null), ZoneOffset.UTC, CliCommands.onPath(null));
        assertFalse(old.build(t().build(), null, "0123456789ab.cdef01234567").argv().contains("-Jd"), "no job descriptions before 10.1");
    }

    @Test
    void build_workingDirectoryWithPlaceholders() {
        List<String> o = options(t().workingDirectory("$DRMAA2_HOME_DIR$/w d").build());
        assertEquals("/home/u/w d", after(o, "-cwd"));
        assertEquals("/home/u/w d/lsf-%J.out", after(o, "-o"));
        for (String odd : List.of("/scratch/100%J", "/scratch/dir with \"quotes\" and $PATH")) {
            List<String> o2 = options(t().workingDirectory(odd).build());
            assertFalse(o2.contains("-cwd"), "LSF would not take " + odd + " literally; the script changes directory instead");
            assertEquals("/home/u/lsf-%J.out", after(o2, "-o"));
        }
        assertEquals("/s/1", after(options(t().workingDirectory("/s/$DRMAA2_INDEX$").build()), "-cwd"));
        Command bulk = cmd.build(t().workingDirectory("/s/$DRMAA2_INDEX$").build(), new BulkRange(1, 2, 1, 0), null);
        assertFalse(bulk.argv().contains("-cwd"), "each task has its own directory; the script changes to it");
        assertTrue(cmd.script(t().workingDirectory("/scratch/100%J").build(), false).contains("cd /scratch/100%J || exit 1"));
        assertTrue(cmd.script(t().workingDirectory("/s/$DRMAA2_INDEX$").build(), true).contains("cd /s/\"$DRMAA2J_INDEX\" || exit 1"));
        assertTrue(cmd.script(t().workingDirectory("/s/$DRMAA2_INDEX$").build(), false).contains("cd /s/1 || exit 1"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> cmd.build(t().workingDirectory("$DRMAA2_WORKING_DIR$/x").build(), null, null));
        assertEquals("workingDirectory", e.getField());
    }

    @Test
    void build_pathsAreRedirectedInTheScript_andLsfsReportGoesToDevNull() {
        JobTemplate tpl = t().outputPath("$DRMAA2_WORKING_DIR$/o_$DRMAA2_INDEX$.txt").errorPath("/tmp/e").inputPath("/tmp/in").build();
        assertEquals("/dev/null", after(options(tpl), "-o"));
        assertFalse(options(tpl).contains("-e"));
        assertFalse(options(tpl).contains("-i"));
        String s = cmd.script(tpl, true);
        assertTrue(s.contains("exec </tmp/in || exit 1"), s);
        assertTrue(s.contains("exec >/home/u/o_\"$DRMAA2J_INDEX\".txt || exit 1"), s);
        assertTrue(cmd.script(tpl, false).contains("exec >/home/u/o_1.txt || exit 1"));
        assertTrue(s.contains("exec 2>/tmp/e || exit 1"), s);
        String joined = cmd.script(t().outputPath("/tmp/o").errorPath("/tmp/e").joinFiles(true).build(), false);
        assertTrue(joined.contains("exec >/tmp/o") && joined.contains("exec 2>&1") && !joined.contains("/tmp/e"), joined);
        String onlyError = cmd.script(t().errorPath("/tmp/e").joinFiles(true).build(), false);
        assertTrue(onlyError.contains("exec >/tmp/e") && onlyError.contains("exec 2>&1"), onlyError);
        assertEquals("/dev/null", after(options(t().errorPath("/tmp/e").joinFiles(true).build()), "-o"));
    }

    @Test
    void build_queueAccountSlotsMemoryWalltimeThroughTheResourceModel() {
        List<String> o = options(t().queueName("normal").accountingId("proj").minSlots(4L).maxSlots(8L)
                .minPhysMemory(2048L * 1024).resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90).build());
        assertEquals("normal", after(o, "-q"));
        assertEquals("proj", after(o, "-P"));
        assertEquals("4,8", after(o, "-n"));
        assertEquals("rusage[mem=2048MB]", after(o, "-R"));
        assertEquals("2048MB", after(o, "-M"));
        assertEquals("2", after(o, "-W"));
    }

    @Test
    void build_resourceLimits_wallclockIsLsfsRunLimit_theRestAreUlimits() {
        JobTemplate tpl = t().resourceLimit(ResourceLimit.WALLCLOCK_TIME, 3600).resourceLimit(ResourceLimit.CPU_TIME, 60)
                .resourceLimit(ResourceLimit.OPEN_FILES, 64).resourceLimit(ResourceLimit.VIRTUAL_MEMORY, 1000)
                .resourceLimit(ResourceLimit.DATA_SIZE, 2000).resourceLimit(ResourceLimit.STACK_SIZE, 3000)
                .resourceLimit(ResourceLimit.CORE_FILE_SIZE, 0).resourceLimit(ResourceLimit.FILE_SIZE, 4000).build();
        assertEquals("1:00", after(options(tpl), "-W"));
        String s = cmd.script(tpl, false);
        for (String u : List.of("-t 60", "-n 64", "-v 1000", "-d 2000", "-s 3000", "-c 0", "-f 4000")) {
            assertTrue(s.contains("ulimit " + u + " || exit 125\n"), u + " in " + s);
        }
        assertFalse(s.contains("ulimit -W"), s);
    }

    @Test
    void build_startAndDeadlineInTheClustersZone_toTheMinute() {
        List<String> o = options(t().startTime(Instant.parse("2031-05-06T07:08:09Z")).deadlineTime(Instant.parse("2031-05-06T09:10:59Z")).build());
        assertEquals("2031:05:06:07:09", after(o, "-b"), "the earliest start is rounded up");
        assertEquals("2031:05:06:09:10", after(o, "-t"), "the deadline is rounded down");
        assertFalse(options(t().startTime(Instant.now().minusSeconds(5)).build()).contains("-b"), "a start in the past means now");
    }

    @Test
    void build_email_oneAddressOnly() {
        List<String> o = options(t().email(List.of("a@b.c")).emailOnStarted(true).emailOnTerminated(true).build());
        assertEquals("a@b.c", after(o, "-u"));
        assertTrue(o.contains("-B") && o.contains("-N"));
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> cmd.build(t().email(List.of("a@b.c", "d@e.f")).build(), null, null));
        assertEquals("email", e.getAttribute());
    }

    @Test
    void build_priorityMachinesReservation() {
        List<String> o = options(t().priority(5L).candidateMachines(List.of("hostA", "hostB")).reservationId("user1#0").build());
        assertEquals("5", after(o, "-sp"));
        assertEquals("hostA hostB", after(o, "-m"));
        assertEquals("user1#0", after(o, "-U"));
        assertEquals("priority", assertThrows(InvalidArgumentException.class, () -> cmd.build(t().priority(0L).build(), null, null)).getField());
        assertEquals("candidateMachines[1]", assertThrows(InvalidArgumentException.class,
                () -> cmd.build(t().candidateMachines(List.of("a", "b c")).build(), null, null)).getField());
    }

    @Test
    void build_stagingWithLsfFileTransfer() {
        List<String> o = options(t().stageInFiles(Map.of("/home/u/in.dat", "/tmp/in.dat"))
                .stageOutFiles(Map.of("/tmp/out.dat", "/home/u/out.dat")).build());
        List<String> f = new ArrayList<>();
        for (int i = 0; i < o.size(); i++) if (o.get(i).equals("-f")) f.add(o.get(i + 1));
        assertEquals(List.of("/home/u/in.dat > /tmp/in.dat", "/home/u/out.dat < /tmp/out.dat"), f);
        assertEquals("stageInFiles", assertThrows(InvalidArgumentException.class,
                () -> cmd.build(t().stageInFiles(Map.of("/a b", "/c")).build(), null, null)).getField());
    }

    @Test
    void build_dependenciesAsLsfExpression() {
        assertEquals("done(11) && done(12) && ended(13) && exit(14) && started(15)", after(options(t()
                .extension(Extensions.DEPENDENCIES, "afterok:11:12,afterany:13,afternotok:14,after:15").build()), "-w"));
        assertEquals("extensions[" + Extensions.DEPENDENCIES + "]", assertThrows(InvalidArgumentException.class,
                () -> cmd.build(t().extension(Extensions.DEPENDENCIES, "afterok:1;reboot").build(), null, null)).getField());
    }

    @Test
    void build_resourceExtensions_andGpus() {
        List<String> o = options(t().extension(Extensions.NODES, "2").extension(Extensions.TASKS_PER_NODE, "32")
                .extension(Extensions.CPUS_PER_TASK, "1").extension(Extensions.GPUS_PER_NODE, "4")
                .extension(Extensions.MEMORY_PER_NODE_MB, "1000").build());
        assertEquals("64", after(o, "-n"));
        assertEquals("rusage[mem=1000MB] span[ptile=32]", after(o, "-R"));
        assertEquals("2000MB", after(o, "-M"));
        assertEquals("num=4", after(o, "-gpu"));
        assertTrue(cmd.script(t().extension(Extensions.CPUS_PER_TASK, "8").build(), false).contains("export OMP_NUM_THREADS=8\n"));
        assertFalse(cmd.script(t().build(), false).contains("OMP_NUM_THREADS"));
        assertEquals("extensions[" + Extensions.NODES + "]", assertThrows(InvalidArgumentException.class,
                () -> cmd.build(t().extension(Extensions.NODES, "-1").build(), null, null)).getField());
    }

    @Test
    void build_nativeOptionsBecomeBsubDirectivesBeforeTheFirstCommand() {
        JobTemplate tpl = t().extension(Extensions.NATIVE_OPTIONS, "-R \"select[mem>100]\"\r\n-x\n\n").build();
        String s = new String(cmd.build(tpl, null, null).stdin(), StandardCharsets.UTF_8);
        assertTrue(s.contains("#BSUB -R \"select[mem>100]\"\n#BSUB -x\n"), s);
        assertTrue(s.indexOf("#BSUB -x") < s.indexOf("DRMAA2J_INDEX="), "bsub reads #BSUB lines only before the first command");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> cmd.build(t().extension(Extensions.NATIVE_OPTIONS, "-x\nrm -rf /").build(), null, null));
        assertEquals("extensions[" + Extensions.NATIVE_OPTIONS + "]", e.getField());
    }

    @Test
    void build_bulkJobIsOneArrayCall() {
        Command c = cmd.build(t().jobName("sweep").build(), new BulkRange(1, 1000, 3, 25), null);
        assertEquals("sweep[1-1000:3]%25", after(c.argv(), "-J"));
        assertEquals("/home/u/lsf-%J_%I.out", after(c.argv(), "-o"));
        assertEquals("drmaa2j[2-9:1]", after(cmd.build(t().build(), new BulkRange(2, 9, 1, 0), null).argv(), "-J"));
    }

    @Test
    void check_everyUnsupportedAttributeIsNamed() {
        Map<String, JobTemplate> unsupported = Map.of(
                "machineOS", t().machineOS(OperatingSystem.LINUX).build(),
                "machineArch", t().machineArch(CpuArchitecture.X64).build(),
                "jobCategory", t().jobCategory("mpi").build(),
                "extensions[site.color]", t().extension("site.color", "blue").build(),
                "email", t().email(List.of("a@b.c", "d@e.f")).build());
        unsupported.forEach((attribute, tpl) -> {
            UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class, () -> check(tpl), attribute);
            assertEquals(attribute, e.getAttribute());
        });
    }

    @Test
    void check_everySupportedAttributeTogetherPasses() {
        check(t().args("a").submitAsHold(true).rerunnable(true).env("A", "b").workingDirectory("/w").email(List.of("a@b.c"))
                .emailOnStarted(true).emailOnTerminated(true).jobName("n").inputPath("/i").outputPath("/o").errorPath("/e")
                .joinFiles(true).reservationId("r1").queueName("q").minSlots(2L).maxSlots(4L).priority(3L)
                .candidateMachines(List.of("h")).minPhysMemory(1024L).startTime(Instant.now().plusSeconds(60))
                .deadlineTime(Instant.now().plusSeconds(3600)).stageInFiles(Map.of("/a", "/b")).stageOutFiles(Map.of("/c", "/d"))
                .resourceLimit(ResourceLimit.CPU_TIME, 60).accountingId("p").extension(Extensions.GPUS_PER_NODE, "1").build());
    }

    @Test
    void script_runsTheCommandWithExactArgvEnvironmentIndexAndRedirections(@TempDir Path dir) throws Exception {
        List<String> hostile = List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=$DRMAA2_INDEX$",
                "wd=$DRMAA2_WORKING_DIR$", "$(touch " + dir.resolve("pwned2") + ")");
        List<String> args = new ArrayList<>(List.of("-c",
                "for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '%s\\0' \"$V\"; cat; echo err >&2", "sh"));
        args.addAll(hostile);
        Files.writeString(dir.resolve("in put"), "from stdin");
        JobTemplate tpl = t().args(args).env("V", "x'y\"z $(id)").workingDirectory(dir.toString())
                .inputPath("$DRMAA2_WORKING_DIR$/in put").outputPath("$DRMAA2_WORKING_DIR$/out $DRMAA2_INDEX$;`id`.txt")
                .errorPath(dir.resolve("err '$DRMAA2_INDEX$'").toString()).build();
        tpl = tpl.toBuilder().remoteCommand("/bin/sh").build();
        Path file = dir.resolve("job.sh");
        Files.writeString(file, new String(cmd.build(tpl, new BulkRange(7, 7, 1, 0), null).stdin(), StandardCharsets.UTF_8));
        CommandResult r = new LocalCommandRunner(Map.of("LSB_JOBINDEX", "7")).run(Command.of("/bin/sh", file.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        String[] got = Files.readString(dir.resolve("out 7;`id`.txt")).split("\0");
        assertEquals(List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=7", "wd=" + dir,
                "$(touch " + dir.resolve("pwned2") + ")", "x'y\"z $(id)", "from stdin"), List.of(got));
        assertEquals("err\n", Files.readString(dir.resolve("err '7'")));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertFalse(Files.exists(dir.resolve("pwned2")));
    }

    @Test
    void script_singleJobIndexIsOne_andUlimitsApply(@TempDir Path dir) throws Exception {
        JobTemplate tpl = JobTemplate.builder("/bin/sh").args("-c", "echo $1 $(ulimit -n)", "sh", "$DRMAA2_INDEX$")
                .workingDirectory(dir.toString()).outputPath(dir.resolve("o").toString())
                .resourceLimit(ResourceLimit.OPEN_FILES, 64).build();
        Path file = dir.resolve("job.sh");
        Files.writeString(file, new String(cmd.build(tpl, null, null).stdin(), StandardCharsets.UTF_8));
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("LSB_JOBINDEX", "0"))) {
            CommandResult r = new LocalCommandRunner(env).run(Command.of("/bin/bash", file.toString()));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("1 64\n", Files.readString(dir.resolve("o")), "LSB_JOBINDEX is 0 or unset for a job that is not an array element");
        }
    }

    /** The TCK's placeholder rule (PH-1 to PH-5), on the bsub call and the script LSF would run. */
    @Test
    void placeholders_theRuleEveryDriverFollows(@TempDir Path dir) throws Exception {
        JobTemplate self = t().workingDirectory("$DRMAA2_WORKING_DIR$/x").build();
        for (BulkRange range : java.util.Arrays.asList(null, new BulkRange(1, 2, 1, 0))) {
            assertEquals("workingDirectory", assertThrows(InvalidArgumentException.class, () -> cmd.build(self, range, null)).getField());
        }
        Files.createDirectories(dir.resolve("3"));
        Files.writeString(dir.resolve("3/in"), "fed ");
        JobTemplate tpl = JobTemplate.builder("/bin/sh").args("-c", "cat; printf '%s %s %s' \"$1\" \"$2\" \"$(pwd)\"; echo e >&2", "sh",
                        "$DRMAA2_WORKING_DIR$", "$DRMAA2_HOME_DIR$")
                .workingDirectory(dir + "/$DRMAA2_INDEX$").inputPath("in").outputPath("out").errorPath("err").build();
        Path file = dir.resolve("job.sh");
        Files.writeString(file, new String(cmd.build(tpl, new BulkRange(3, 5, 2, 0), null).stdin(), StandardCharsets.UTF_8));
        CommandResult r = new LocalCommandRunner(Map.of("LSB_JOBINDEX", "3")).run(Command.of("/bin/sh", file.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("fed " + dir + "/3 /home/u " + dir + "/3", Files.readString(dir.resolve("3/out")));
        assertEquals("e\n", Files.readString(dir.resolve("3/err")));
    }
}
