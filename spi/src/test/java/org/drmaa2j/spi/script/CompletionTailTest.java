// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.store.CompletionMarker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The script tail run by the real shells a job script may run under (dash as /bin/sh, and bash). */
class CompletionTailTest {
    @TempDir
    Path dir;

    private static final ScriptRenderer RENDERER = ScriptRenderer.of("t",
            "DRMAA2J_INDEX=${TASK:-1}\n{{ completion }}\ndrmaa2j_run {{ command | sh }}{% if args %} {{ args | sh }}{% endif %}\n");

    private String script(CompletionTail tail, String command, String... args) {
        String rendered = RENDERER.render(Map.of(ScriptModel.COMPLETION, CompletionTail.TEXT, "command", command, "args", List.of(args)));
        return tail.applyTo(rendered);
    }

    private Process run(String shell, String script, String task) throws Exception {
        Path f = dir.resolve("job.sh");
        Files.writeString(f, script);
        ProcessBuilder pb = new ProcessBuilder(shell, f.toString()).redirectErrorStream(true);
        if (task != null) pb.environment().put("TASK", task);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap");
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "bash"})
    void exitStatus_isKept_andWrittenAsTheMarker(String shell) throws Exception {
        Process p = run(shell, script(CompletionTail.marker(dir.toString(), "tag-1"), "/bin/sh", "-c", "exit 3"), "7");
        assertEquals(3, p.exitValue());
        CompletionMarker m = CompletionMarker.read(dir.resolve(CompletionTail.fileName("tag-1", 7))).orElseThrow();
        assertEquals(3, m.exitStatus());
        assertEquals(0, m.signal());
        assertTrue(m.end() != null);
        assertEquals("exit=3\nsignal=0\n", Files.readString(dir.resolve(CompletionTail.fileName("tag-1", 7))),
                "written by the shell alone: no date, the file's time is the end");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("job.sh", "tag-1.7.exit"), s.map(x -> x.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "bash"})
    void commandKilledBySignal_scriptEndsByTheSameSignal_markerSaysSo(String shell) throws Exception {
        Process p = run(shell, script(CompletionTail.marker(dir.toString(), "t"), "/bin/sh", "-c", "kill -9 $$"), null);
        assertEquals(128 + 9, p.exitValue(), "the script was killed by SIGKILL");
        assertFalse(new String(p.getInputStream().readAllBytes()).contains("Killed"), "no shell message in the job's output");
        CompletionMarker m = CompletionMarker.read(dir.resolve("t.1.exit")).orElseThrow();
        assertNull(m.exitStatus());
        assertEquals(9, m.signal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "bash"})
    void plainTail_orNoTailApplied_writesNoMarker_keepsTheStatus(String shell) throws Exception {
        Process p = run(shell, script(CompletionTail.plain(), "/bin/sh", "-c", "exit 5"), null);
        assertEquals(5, p.exitValue());
        String unapplied = RENDERER.render(Map.of(ScriptModel.COMPLETION, CompletionTail.TEXT, "command", "/bin/true", "args", List.of()));
        assertEquals(0, run(shell, unapplied, null).exitValue());
        try (var s = Files.list(dir)) {
            assertEquals(List.of("job.sh"), s.map(x -> x.getFileName().toString()).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "bash"})
    void scriptSignalledAsASchedulerCancels_diesOfIt_withoutAMarker(String shell) throws Exception {
        Path started = dir.resolve("started");
        Path f = dir.resolve("job.sh");
        Files.writeString(f, script(CompletionTail.marker(dir.toString(), "c"), "/bin/sh", "-c", "touch \"$0\"; sleep 2", started.toString()));
        Process p = new ProcessBuilder(shell, f.toString()).redirectErrorStream(true).start();
        long cap = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(started)) {
            assertTrue(System.nanoTime() < cap, "safety cap");
            Thread.sleep(10);
        }
        p.destroy(); // SIGTERM to the script, as scancel sends it (the command ends on its own here)
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap");
        assertEquals(128 + 15, p.exitValue(), "the script died of SIGTERM");
        assertFalse(Files.exists(dir.resolve("c.1.exit")), "no marker: the scheduler reports such ends");
    }

    @org.junit.jupiter.api.Test
    void aScriptWithoutTheTail_isLeftAlone() {
        assertNull(CompletionTail.marker("/m", "t").applyTo(Command.of("sbatch").withStdin("#!/bin/sh\nexec true\n")));
        assertNull(CompletionTail.marker("/m", "t").applyTo(Command.of("sbatch")));
        String twice = CompletionTail.TEXT + CompletionTail.TEXT;
        assertNull(CompletionTail.marker("/m", "t").applyTo(twice), "a placeholder twice is not ours to fill");
        String one = CompletionTail.marker("/m d", "t").applyTo(CompletionTail.TEXT);
        assertTrue(one.contains("DRMAA2J_MARKER='/m d/t'\n"), one);
    }
}
