// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.script.CompletionTail;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.CompletionMarker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PBS job script with the kit's completion tail, run by the real shells (bash, as {@code -S
 * /bin/bash} asks, and dash as /bin/sh): the completion marker and the exit file agree with how
 * the command ended, and the script ends the same way, in every dialect.
 */
class PbsCompletionTailTest {
    @TempDir
    Path dir;

    private static final Map<PbsDialect, String> INDEX_VARIABLE = Map.of(PbsDialect.PBSPRO, "PBS_ARRAY_INDEX",
            PbsDialect.TORQUE, "PBS_ARRAYID", PbsDialect.SLURM_WRAPPERS, "SLURM_ARRAY_TASK_ID");

    private PbsSubmitCommand cmd(PbsDialect d) {
        return new PbsSubmitCommand(ScriptRenderer.forDriver("pbs", PbsProvider.TEMPLATE, PbsProvider.class, Map.of()), d,
                "/home/u", dir.resolve("exit").toString(), java.time.ZoneOffset.UTC);
    }

    /** Runs the submitted script as the scheduler would, with the job's index and id in its environment. */
    private Process run(String shell, Command submitted, PbsDialect d, String index, String jobId) throws Exception {
        Path f = dir.resolve("job.sh");
        Files.write(f, submitted.stdin());
        ProcessBuilder pb = new ProcessBuilder(shell, f.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        if (index != null) env.put(INDEX_VARIABLE.get(d), index);
        env.put(d == PbsDialect.SLURM_WRAPPERS ? "SLURM_JOB_ID" : "PBS_JOBID", jobId);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap");
        return p;
    }

    private Command marked(PbsDialect d, String how, BulkRange range, String tag) {
        JobTemplate t = JobTemplate.builder("/bin/sh").args("-c", how, "sh", "$DRMAA2_INDEX$").workingDirectory(dir.toString()).build();
        Command c = CompletionTail.marker(dir.resolve("markers").toString(), tag).applyTo(cmd(d).build(t, range, tag));
        assertNotNull(c, "the PBS template prints the completion tail");
        return c;
    }

    private CompletionMarker marker(String name) throws Exception {
        return CompletionMarker.read(dir.resolve("markers").resolve(name)).orElseThrow(() -> new AssertionError("no marker " + name));
    }

    private CompletionMarker exitFile(String jobId) throws Exception {
        return CompletionMarker.parse(Files.readString(dir.resolve("exit").resolve(jobId)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "/bin/sh"})
    void arrayTask_exitStatus_markerAndExitFileSayIt_scriptExitsWithIt(String shell) throws Exception {
        Files.createDirectories(dir.resolve("markers"));
        for (PbsDialect d : PbsDialect.values()) {
            Process p = run(shell, marked(d, "exit \"$1\"", new BulkRange(1, 9, 1, 0), "tag-" + d.ordinal()), d, "7", "5[7]." + d);
            assertEquals(7, p.exitValue(), d + ": " + new String(p.getInputStream().readAllBytes()));
            CompletionMarker m = marker("tag-" + d.ordinal() + ".7.exit");
            assertEquals(7, m.exitStatus(), d.toString());
            assertEquals(0, m.signal(), d.toString());
            assertNotNull(m.end());
            if (d != PbsDialect.SLURM_WRAPPERS) assertEquals(7, exitFile("5[7]." + d).exitStatus(), d + ": the exit file agrees");
        }
        try (var s = Files.list(dir.resolve("markers"))) {
            assertEquals(3, s.count(), "one marker per job, no temporary file left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "/bin/sh"})
    void commandKilledBySignal_scriptDiesOfIt_markerAndExitFileNameTheSignal(String shell) throws Exception {
        Files.createDirectories(dir.resolve("markers"));
        for (PbsDialect d : PbsDialect.values()) {
            Process p = run(shell, marked(d, "kill -s KILL $$", null, "k" + d.ordinal()), d, null, "9." + d);
            assertEquals(128 + 9, p.exitValue(), d + ": the script re-raised SIGKILL");
            assertFalse(new String(p.getInputStream().readAllBytes()).contains("Killed"), "no shell message in the job's output");
            CompletionMarker m = marker("k" + d.ordinal() + ".1.exit");
            assertNull(m.exitStatus(), d.toString());
            assertEquals(9, m.signal(), d.toString());
            if (d != PbsDialect.SLURM_WRAPPERS) {
                assertEquals(9, exitFile("9." + d).signal(), d + ": the exit file agrees");
                assertNull(exitFile("9." + d).exitStatus());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "/bin/sh"})
    void statusAbove128ThatNoSignalEndsWith_staysAnExitStatus_inMarkerAndExitFile(String shell) throws Exception {
        Files.createDirectories(dir.resolve("markers"));
        int chld = 128 + 17; // SIGCHLD on Linux: a status no signal ends a process with
        Map<Integer, CompletionMarker> seen = new HashMap<>();
        for (int status : List.of(255, chld)) {
            Process p = run(shell, marked(PbsDialect.PBSPRO, "exit " + status, null, "s" + status), PbsDialect.PBSPRO, null, status + ".pbs");
            assertEquals(status, p.exitValue());
            seen.put(status, marker("s" + status + ".1.exit"));
            assertEquals(status, exitFile(status + ".pbs").exitStatus(), "the exit file reads it as the tail does");
        }
        for (int status : seen.keySet()) {
            assertEquals(status, seen.get(status).exitStatus());
            assertEquals(0, seen.get(status).signal());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "/bin/sh"})
    void bulkOfOneIndex_isAPlainJob_itsMarkerCarriesThatIndex(String shell) throws Exception {
        Files.createDirectories(dir.resolve("markers"));
        Command c = marked(PbsDialect.PBSPRO, "exit 0", new BulkRange(5, 5, 1, 0), "one");
        assertFalse(new String(c.stdin()).contains("#PBS -J"), "OpenPBS wants two indices for -J: a plain job");
        assertEquals(0, run(shell, c, PbsDialect.PBSPRO, null, "12.pbs").exitValue());
        assertEquals(0, marker("one.5.exit").exitStatus());
    }
}
