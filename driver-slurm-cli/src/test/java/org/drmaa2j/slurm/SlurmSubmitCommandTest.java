// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmSubmitCommandTest {
    private final SlurmSubmitCommand cmd = new SlurmSubmitCommand(
            ScriptRenderer.forDriver("slurm", SlurmProvider.TEMPLATE, SlurmProvider.class, Map.of()), "/home/u");

    private static List<String> options(Command c) {
        return c.argv().subList(2, c.argv().size());
    }

    @Test
    void build_minimalJob() {
        Command c = cmd.build(JobTemplate.builder("/bin/true").build(), null);
        assertEquals(List.of("sbatch", "--parsable", "--chdir=/home/u", "--no-requeue"), c.argv());
        assertFalse(c.retryable(), "a submission is never repeated blindly");
    }

    @Test
    void build_submissionTag_goesLastAsTheComment() {
        JobTemplate t = JobTemplate.builder("/bin/true").extension(org.drmaa2j.Extensions.NATIVE_OPTIONS, "--comment=mine").build();
        Command c = cmd.build(t, null, "0123456789ab.cdef01234567");
        assertEquals("--comment=drmaa2j:0123456789ab.cdef01234567", c.argv().get(c.argv().size() - 1),
                "the tag is the driver's: it overrides a native comment");
        assertFalse(cmd.build(JobTemplate.builder("/bin/true").build(), null, null).argv().stream().anyMatch(a -> a.startsWith("--comment")));
    }

    @Test
    void build_sameTemplateAgainGivesTheSameCommandAndAnotherTemplateItsOwn() {
        JobTemplate a = JobTemplate.builder("/bin/echo").args(List.of("a")).build();
        JobTemplate b = JobTemplate.builder("/bin/echo").args(List.of("b")).jobName("b").build();
        Command first = cmd.build(a, null);
        cmd.check(a, false);
        assertEquals(first, cmd.build(a, null));
        Command other = cmd.build(b, null);
        assertTrue(new String(other.stdin(), StandardCharsets.UTF_8).endsWith("drmaa2j_run /bin/echo b\n"), new String(other.stdin(), StandardCharsets.UTF_8));
        assertTrue(other.argv().contains("--job-name=b"));
        assertEquals(first, cmd.build(a, null));
        assertTrue(cmd.build(a, new BulkRange(1, 3, 1, 0)).argv().contains("--array=1-3:1"), "an array still gets its range");
    }

    @Test
    void build_everySupportedAttributeBecomesItsOwnArgvEntry() {
        JobTemplate t = JobTemplate.builder("/bin/echo")
                .jobName("my job; rm -rf ~ `id`").submitAsHold(true).workingDirectory("$DRMAA2_HOME_DIR$/w d")
                .outputPath("$DRMAA2_WORKING_DIR$/out_$DRMAA2_INDEX$_100%.txt").errorPath("/tmp/err").inputPath("/tmp/in")
                .queueName("batch").accountingId("proj").minSlots(4L).minPhysMemory(2048L * 1024 + 1)
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90).startTime(Instant.now().plusSeconds(600))
                .deadlineTime(Instant.now().plusSeconds(7200)).email(List.of("a@b.c", "d@e.f")).emailOnStarted(true)
                .emailOnTerminated(true).rerunnable(true).reservationId("maint")
                .extension(Extensions.NODES, "2").extension(Extensions.TASKS_PER_NODE, "2")
                .extension(Extensions.CPUS_PER_TASK, "3").extension(Extensions.GPUS_PER_NODE, "1")
                .extension(Extensions.DEPENDENCIES, "afterok:11:12,afterany:13")
                .extension(Extensions.NATIVE_OPTIONS, "--constraint=haswell\n--exclusive")
                .build();
        List<String> o = options(cmd.build(t, null));
        assertTrue(o.contains("--hold"));
        assertTrue(o.contains("--job-name=my job; rm -rf ~ `id`"), o.toString());
        assertTrue(o.contains("--chdir=/home/u/w d"));
        assertTrue(o.contains("--output=/home/u/w d/out_1_100%%.txt"), "a single job's index is 1: " + o);
        assertTrue(cmd.build(t, new BulkRange(1, 2, 1, 0)).argv().contains("--output=/home/u/w d/out_%a_100%%.txt"),
                "an array task's index is Slurm's %a");
        assertTrue(o.contains("--error=/tmp/err"));
        assertTrue(o.contains("--input=/tmp/in"));
        assertTrue(o.contains("--partition=batch"));
        assertTrue(o.contains("--account=proj"));
        assertTrue(o.contains("--ntasks=4"));
        assertTrue(o.contains("--nodes=2"));
        assertTrue(o.contains("--ntasks-per-node=2"));
        assertTrue(o.contains("--cpus-per-task=3"));
        assertTrue(o.contains("--gres=gpu:1"));
        assertTrue(o.contains("--mem=2049"), "minPhysMemory KiB rounded up to MiB: " + o);
        assertTrue(o.contains("--time=1:30"));
        assertTrue(o.stream().anyMatch(s -> s.matches("--begin=now\\+(600|601)")), "rounded up, never early: " + o);
        assertTrue(o.stream().anyMatch(s -> s.matches("--deadline=now\\+(7200|7201)")), o.toString());
        assertTrue(o.contains("--mail-user=a@b.c,d@e.f"));
        assertTrue(o.contains("--mail-type=BEGIN,END"));
        assertTrue(o.contains("--requeue"));
        assertTrue(o.contains("--reservation=maint"));
        assertTrue(o.contains("--dependency=afterok:11:12,afterany:13"));
        assertEquals(List.of("--constraint=haswell", "--exclusive"), o.subList(o.size() - 2, o.size()));
    }

    @Test
    void build_bulkJobIsOneArrayCall() {
        Command c = cmd.build(JobTemplate.builder("/bin/true").build(), new BulkRange(1, 1000, 1, 25));
        assertTrue(c.argv().contains("--array=1-1000:1%25"));
        assertTrue(cmd.build(JobTemplate.builder("/bin/true").build(), new BulkRange(3, 9, 3, 0)).argv().contains("--array=3-9:3"));
    }

    @Test
    void build_joinFilesSendsErrorToOutput() {
        List<String> o = options(cmd.build(JobTemplate.builder("/bin/true").outputPath("/tmp/o").errorPath("/tmp/e").joinFiles(true).build(), null));
        assertTrue(o.contains("--output=/tmp/o"));
        assertFalse(o.stream().anyMatch(s -> s.startsWith("--error")));
    }

    @Test
    void build_rejectsValuesSlurmCannotTake() {
        InvalidArgumentException name = assertThrows(InvalidArgumentException.class,
                () -> cmd.build(JobTemplate.builder("/bin/true").jobName("a\nb").build(), null));
        assertEquals("jobName", name.getField());
        InvalidArgumentException nat = assertThrows(InvalidArgumentException.class,
                () -> cmd.build(JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "rm -rf /").build(), null));
        assertEquals("extensions[" + Extensions.NATIVE_OPTIONS + "]", nat.getField());
        InvalidArgumentException dep = assertThrows(InvalidArgumentException.class,
                () -> cmd.build(JobTemplate.builder("/bin/true").extension(Extensions.DEPENDENCIES, "afterok:1;reboot").build(), null));
        assertEquals("extensions[" + Extensions.DEPENDENCIES + "]", dep.getField());
        InvalidArgumentException nodes = assertThrows(InvalidArgumentException.class,
                () -> cmd.build(JobTemplate.builder("/bin/true").extension(Extensions.NODES, "-1").build(), null));
        assertEquals("extensions[" + Extensions.NODES + "]", nodes.getField());
    }

    @Test
    void script_runsTheCommandWithExactArgvEnvironmentAndIndex(@TempDir Path dir) throws Exception {
        List<String> args = List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=$DRMAA2_INDEX$");
        JobTemplate t = JobTemplate.builder("/bin/sh")
                .args(concat(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '%s\\0' \"$V\"", "sh"), args))
                .env("V", "x'y\"z $(id)").resourceLimit(ResourceLimit.OPEN_FILES, 64).workingDirectory(dir.toString()).build();
        String script = cmd.script(t, true);
        Path file = dir.resolve("job.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        CommandResult r = new LocalCommandRunner(Map.of("SLURM_ARRAY_TASK_ID", "7")).run(Command.of("/bin/bash", file.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        String[] got = r.stdout().split("\0");
        assertEquals(List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=7", "x'y\"z $(id)"), List.of(got));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertTrue(script.contains("ulimit -n 64"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
