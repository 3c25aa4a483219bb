// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxSubmitCommandTest {
    private final FluxSubmitCommand cmd = new FluxSubmitCommand(
            ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()), "/home/u");

    /** The flux submit options: between {@code flux submit} and the script file argument. */
    private static List<String> options(Command c) {
        List<String> a = c.argv();
        return a.subList(4, a.size() - 3);
    }

    @Test
    void build_minimalJob() {
        Command c = cmd.build(JobTemplate.builder("/bin/true").build(), null, false);
        List<String> a = c.argv();
        assertEquals(List.of("env", "FLUX_F58_FORCE_ASCII=1", "flux", "submit", "--cwd=/home/u"), a.subList(0, 5));
        assertTrue(a.get(5).startsWith("--add-file=drmaa2j.sh=#!/bin/sh\n"), a.get(5));
        assertEquals(List.of("/bin/sh", "{{tmpdir}}/drmaa2j.sh"), a.subList(6, 8));
        assertEquals(8, a.size());
        assertFalse(c.retryable(), "a submission is never repeated blindly");
    }

    @Test
    void build_everySupportedAttributeBecomesItsOwnArgvEntry() {
        Instant start = Instant.ofEpochSecond(1795300000L, 250_000_000);
        JobTemplate t = JobTemplate.builder("/bin/echo")
                .jobName("my job; rm -rf ~ `id`").workingDirectory("$DRMAA2_HOME_DIR$/w d")
                .outputPath("$DRMAA2_WORKING_DIR$/out_$DRMAA2_INDEX$.txt").errorPath("/tmp/err").inputPath("/tmp/in")
                .queueName("batch").accountingId("proj \"x\"").minSlots(4L).priority(20L)
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90).resourceLimit(ResourceLimit.CPU_TIME, 60)
                .resourceLimit(ResourceLimit.OPEN_FILES, 64).resourceLimit(ResourceLimit.VIRTUAL_MEMORY, 1024)
                .resourceLimit(ResourceLimit.DATA_SIZE, 2).resourceLimit(ResourceLimit.STACK_SIZE, 3)
                .resourceLimit(ResourceLimit.CORE_FILE_SIZE, 0).resourceLimit(ResourceLimit.FILE_SIZE, 5)
                .startTime(start)
                .extension(Extensions.NODES, "2").extension(Extensions.TASKS_PER_NODE, "2")
                .extension(Extensions.CPUS_PER_TASK, "3").extension(Extensions.GPUS_PER_NODE, "2")
                .extension(Extensions.DEPENDENCIES, "afterok:fC6RdJf:fT5CNSj,afterany:friYv7h")
                .extension(Extensions.NATIVE_OPTIONS, "--requires=host:node1\n--exclusive")
                .build();
        List<String> o = options(cmd.build(t, null, false));
        assertTrue(o.contains("--urgency=20"));
        assertTrue(o.contains("--job-name=my job; rm -rf ~ `id`"), o.toString());
        assertTrue(o.contains("--cwd=/home/u/w d"));
        assertTrue(o.contains("--output=/home/u/w d/out_1.txt"), o.toString());
        assertTrue(o.contains("--error=/tmp/err"));
        assertTrue(o.contains("--input=/tmp/in"));
        assertTrue(o.contains("--queue=batch"));
        assertTrue(o.contains("--setattr=system.bank=\"proj \\\"x\\\"\""), o.toString());
        assertTrue(o.contains("--nodes=2"));
        assertTrue(o.contains("--ntasks=4"));
        assertTrue(o.contains("--cores-per-task=3"));
        assertTrue(o.contains("--gpus-per-task=1"), "2 GPUs per node over 2 tasks per node");
        assertTrue(o.contains("--time-limit=90s"));
        assertTrue(o.containsAll(List.of("--rlimit=cpu=60", "--rlimit=nofile=64", "--rlimit=as=1048576", "--rlimit=data=2048",
                "--rlimit=stack=3072", "--rlimit=core=0", "--rlimit=fsize=5120")), o.toString());
        assertTrue(o.contains("--dependency=begin-time:1795300000.250"));
        assertTrue(o.containsAll(List.of("--dependency=afterok:fC6RdJf", "--dependency=afterok:fT5CNSj", "--dependency=afterany:friYv7h")));
        assertEquals(List.of("--requires=host:node1", "--exclusive"), o.subList(o.size() - 2, o.size()));
        assertFalse(o.stream().anyMatch(s -> s.startsWith("--cc")));
    }

    @Test
    void build_holdAndEmulationHold() {
        assertTrue(options(cmd.build(JobTemplate.builder("/bin/true").submitAsHold(true).priority(3L).build(), null, false)).contains("--urgency=hold"));
        assertTrue(options(cmd.build(JobTemplate.builder("/bin/true").build(), new BulkRange(1, 5, 1, 2), true)).contains("--urgency=hold"));
    }

    @Test
    void build_bulkJobIsOneCcCall() {
        List<String> o = options(cmd.build(JobTemplate.builder("/bin/true").outputPath("/tmp/o.$DRMAA2_INDEX$")
                .workingDirectory("/scratch/{a}").build(), new BulkRange(1, 1000, 1, 0), false));
        assertTrue(o.contains("--cc=1-1000"));
        assertTrue(o.contains("--output=/tmp/o.{cc}"), o.toString());
        assertTrue(o.contains("--cwd=/scratch/{a}"), "flux submit does not format --cwd: " + o);
        assertEquals("3,6,9", FluxSubmitCommand.idset(new BulkRange(3, 10, 3, 0)));
        assertEquals("7", FluxSubmitCommand.idset(new BulkRange(7, 7, 1, 0)));
    }

    @Test
    void build_relativePathsAreMadeAbsolute_soFluxNeverReadsThemAsItsOwnWords() {
        List<String> o = options(cmd.build(JobTemplate.builder("/bin/true").workingDirectory("/w").outputPath("none")
                .errorPath("kvs").inputPath("3").build(), null, false));
        assertTrue(o.containsAll(List.of("--output=/w/none", "--error=/w/kvs", "--input=/w/3")), o.toString());
        assertTrue(options(cmd.build(JobTemplate.builder("/bin/true").outputPath("o.txt").build(), null, false)).contains("--output=/home/u/o.txt"));
    }

    @Test
    void build_joinFilesSendsErrorToOutput() {
        List<String> o = options(cmd.build(JobTemplate.builder("/bin/true").outputPath("/tmp/o").errorPath("/tmp/e").joinFiles(true).build(), null, false));
        assertTrue(o.contains("--output=/tmp/o"));
        assertFalse(o.stream().anyMatch(s -> s.startsWith("--error")));
        List<String> onlyError = options(cmd.build(JobTemplate.builder("/bin/true").errorPath("/tmp/e").joinFiles(true).build(), null, false));
        assertTrue(onlyError.contains("--output=/tmp/e"));
    }

    @Test
    void build_rejectsValuesFluxCannotTake() {
        field("jobName", JobTemplate.builder("/bin/true").jobName("a\nb").build(), null);
        field("jobName", JobTemplate.builder("/bin/true").jobName("a{0}").build(), new BulkRange(1, 2, 1, 0));
        field("outputPath", JobTemplate.builder("/bin/true").outputPath("/tmp/{{id}}").build(), null);
        field("errorPath", JobTemplate.builder("/bin/true").errorPath("/tmp/{x}").build(), new BulkRange(1, 2, 1, 0));
        field("queueName", JobTemplate.builder("/bin/true").queueName("q}").build(), new BulkRange(1, 2, 1, 0));
        field("priority", JobTemplate.builder("/bin/true").priority(32L).build(), null);
        field("priority", JobTemplate.builder("/bin/true").priority(0L).build(), null);
        field("workingDirectory", JobTemplate.builder("/bin/true").workingDirectory("$DRMAA2_WORKING_DIR$/x").build(), null);
        field("workingDirectory", JobTemplate.builder("/bin/true").workingDirectory("/s/$DRMAA2_INDEX$").build(), new BulkRange(1, 2, 1, 0));
        field("extensions[" + Extensions.NATIVE_OPTIONS + "]", JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "rm -rf /").build(), null);
        field("extensions[" + Extensions.DEPENDENCIES + "]", JobTemplate.builder("/bin/true").extension(Extensions.DEPENDENCIES, "afterok:1;reboot").build(), null);
        field("extensions[" + Extensions.GPUS_PER_NODE + "]", JobTemplate.builder("/bin/true").extension(Extensions.GPUS_PER_NODE, "3")
                .extension(Extensions.NODES, "1").extension(Extensions.TASKS_PER_NODE, "2").build(), null);
        field("extensions[" + Extensions.NODES + "]", JobTemplate.builder("/bin/true").extension(Extensions.NODES, "0").build(), null);
        // the same braces are fine in a single job, where flux submit does not format values
        assertTrue(options(cmd.build(JobTemplate.builder("/bin/true").jobName("a{0}").build(), null, false)).contains("--job-name=a{0}"));
    }

    private void field(String name, JobTemplate t, BulkRange bulk) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> cmd.build(t, bulk, false));
        assertEquals(name, e.getField());
    }

    @Test
    void capabilities_refuseEverythingFluxDoesNotHonour() {
        Set<Capability> caps = FluxBackend.CAPABILITIES;
        Map<String, JobTemplate> unsupported = Map.ofEntries(
                Map.entry("email", JobTemplate.builder("/bin/true").email(List.of("a@b.c")).build()),
                Map.entry("stageInFiles", JobTemplate.builder("/bin/true").stageInFiles(Map.of("/a", "/b")).build()),
                Map.entry("deadlineTime", JobTemplate.builder("/bin/true").deadlineTime(Instant.now().plusSeconds(60)).build()),
                Map.entry("maxSlots", JobTemplate.builder("/bin/true").maxSlots(2L).build()),
                Map.entry("minPhysMemory", JobTemplate.builder("/bin/true").minPhysMemory(1024L).build()),
                Map.entry("candidateMachines", JobTemplate.builder("/bin/true").candidateMachines(List.of("n1")).build()),
                Map.entry("machineOS", JobTemplate.builder("/bin/true").machineOS(OperatingSystem.LINUX).build()),
                Map.entry("machineArch", JobTemplate.builder("/bin/true").machineArch(CpuArchitecture.X64).build()),
                Map.entry("reservationId", JobTemplate.builder("/bin/true").reservationId("r").build()),
                Map.entry("rerunnable", JobTemplate.builder("/bin/true").rerunnable(true).build()),
                Map.entry("jobCategory", JobTemplate.builder("/bin/true").jobCategory("c").build()));
        unsupported.forEach((attr, t) -> {
            UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                    () -> TemplateChecks.requireCapabilities(t, caps, Set.of()), attr);
            assertEquals(attr, e.getAttribute());
        });
        UnsupportedAttributeException mem = assertThrows(UnsupportedAttributeException.class, () -> TemplateChecks.requireKnownExtensions(
                JobTemplate.builder("/bin/true").extension(Extensions.MEMORY_PER_NODE_MB, "100").build(), FluxSubmitCommand.KNOWN_EXTENSIONS));
        assertEquals("extensions[" + Extensions.MEMORY_PER_NODE_MB + "]", mem.getAttribute());
        assertFalse(caps.contains(Capability.JOB_SUSPEND));
        assertTrue(caps.contains(Capability.BULK_JOBS_MAXPARALLEL));
    }

    @Test
    void script_runsTheCommandWithExactArgvEnvironmentAndIndex(@TempDir Path dir) throws Exception {
        List<String> args = List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=$DRMAA2_INDEX$",
                "{cc}", "{{tmpdir}}", "x\nflux: --setattr=evil=1");
        List<String> argv = new ArrayList<>(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '%s\\0' \"$V\"", "sh"));
        argv.addAll(args);
        JobTemplate t = JobTemplate.builder("/bin/sh").args(argv).env("V", "x'y\"z $(id) ${HOME} {cc}").build();
        // what the job shell gets is the --add-file data exactly
        String addFile = cmd.build(t, new BulkRange(1, 9, 1, 0), false).argv().stream()
                .filter(a -> a.startsWith("--add-file=")).findFirst().orElseThrow();
        String script = addFile.substring(("--add-file=" + FluxSubmitCommand.SCRIPT_NAME + "=").length());
        assertEquals(cmd.script(t), script);
        assertTrue(script.indexOf('\n') >= 0, "Flux takes --add-file data with a newline as the file's content");
        Path file = dir.resolve("drmaa2j.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        CommandResult r = new LocalCommandRunner(Map.of("FLUX_JOB_CC", "7")).run(Command.of("/bin/sh", file.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> expected = new ArrayList<>(args);
        expected.set(5, "idx=7");
        expected.add("x'y\"z $(id) ${HOME} {cc}");
        assertEquals(expected, List.of(r.stdout().split("\0")));
        assertFalse(Files.exists(dir.resolve("pwned")));
        CommandResult single = new LocalCommandRunner().run(Command.of("/bin/sh", file.toString()));
        assertTrue(single.stdout().contains("idx=1\0"), "a single job has index 1");
    }

    /**
     * The whole command line through a real process: a stand-in {@code flux} on the PATH takes
     * {@code --add-file} and {@code --cc} as flux submit does, unpacks the script into a job
     * temporary directory and runs the job's argv once per index with FLUX_JOB_CC set, as the job
     * shell does. What the user's command receives must be exactly its arguments.
     */
    @Test
    void commandLine_throughARealProcess_deliversTheScriptIntact(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeFlux = bin.resolve("flux");
        Files.writeString(fakeFlux, String.join("\n",
                "#!/bin/sh",
                "[ \"$FLUX_F58_FORCE_ASCII\" = 1 ] || { echo 'FLUX_F58_FORCE_ASCII is not set' >&2; exit 9; }",
                "[ \"$1\" = submit ] || exit 8",
                "shift",
                "tmp=$(mktemp -d \"$OUT_DIR/job.XXXXXX\")",
                "first=1; last=1",
                "while [ $# -gt 2 ]; do",
                "  case \"$1\" in",
                "    --add-file=drmaa2j.sh=*) printf '%s' \"${1#--add-file=drmaa2j.sh=}\" > \"$tmp/drmaa2j.sh\" ;;",
                "    --cc=*) range=${1#--cc=}; first=${range%-*}; last=${range#*-} ;;",
                "  esac",
                "  shift",
                "done",
                "[ \"$2\" = '{{tmpdir}}/drmaa2j.sh' ] || exit 7",
                "i=$first",
                "while [ \"$i\" -le \"$last\" ]; do",
                "  FLUX_JOB_CC=$i \"$1\" \"$tmp/drmaa2j.sh\" > \"$OUT_DIR/out.$i\"",
                "  echo \"f$i\"",
                "  i=$((i + 1))",
                "done",
                ""), StandardCharsets.UTF_8);
        assertTrue(fakeFlux.toFile().setExecutable(true));
        List<String> args = List.of("it's", "$HOME", "a\nb", "idx=$DRMAA2_INDEX$", "{cc}", "--cc=9", "--add-file=x=y");
        List<String> argv = new ArrayList<>(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done", "sh"));
        argv.addAll(args);
        Command c = cmd.build(JobTemplate.builder("/bin/sh").args(argv).build(), new BulkRange(1, 2, 1, 0), false);
        CommandResult r = new LocalCommandRunner(Map.of("PATH", bin + ":" + System.getenv("PATH"), "OUT_DIR", dir.toString())).run(c);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("f1", "f2"), FluxIds.submitted(r.stdout()));
        for (int i = 1; i <= 2; i++) {
            List<String> expected = new ArrayList<>(args);
            expected.set(3, "idx=" + i);
            assertEquals(expected, List.of(Files.readString(dir.resolve("out." + i), StandardCharsets.UTF_8).split("\0")));
        }
    }
}
