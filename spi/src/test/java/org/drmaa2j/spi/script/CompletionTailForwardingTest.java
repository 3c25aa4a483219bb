// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.spi.store.CompletionMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CompletionTail#FORWARDING_TEXT}, run by bash as HTCondor runs it: a signal sent to the
 * script alone (as HTCondor's condor_rm sends its soft kill signal to the job's first process only)
 * reaches the command, and the script ends as soon as the command has.
 */
class CompletionTailForwardingTest {
    @TempDir
    Path dir;

    private static final ScriptRenderer RENDERER = ScriptRenderer.of("t",
            "DRMAA2J_INDEX=${TASK:-1}\n{{ completion }}\ndrmaa2j_run {{ command | sh }}{% if args %} {{ args | sh }}{% endif %}\n");

    private Path script(CompletionTail tail, String command, String... args) throws Exception {
        String rendered = RENDERER.render(Map.of(ScriptModel.COMPLETION, CompletionTail.FORWARDING_TEXT, "command", command, "args", List.of(args)));
        Path f = dir.resolve("job.sh");
        Files.writeString(f, tail.applyTo(rendered));
        return f;
    }

    private static void await(Path file) throws InterruptedException {
        long cap = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            assertTrue(System.nanoTime() < cap, "safety cap");
            Thread.sleep(10);
        }
    }

    @Test
    void termToTheScriptAlone_reachesTheCommand_scriptDiesOfIt_withoutAMarker() throws Exception {
        Path started = dir.resolve("started");
        Path got = dir.resolve("got");
        // the command notes the signal it gets and exits 7; left alone it would run for ten minutes
        Path f = script(CompletionTail.marker(dir.toString(), "c"), "/bin/sh", "-c",
                "trap 'echo TERM > \"$1\"; exit 7' TERM; touch \"$0\"; i=0; while [ $i -lt 600 ]; do sleep 1; i=$((i+1)); done",
                started.toString(), got.toString());
        Process p = new ProcessBuilder("bash", f.toString()).redirectErrorStream(true).start();
        await(started);
        p.destroy(); // SIGTERM to the script's process alone
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap: the script ended once its command had");
        assertEquals("TERM\n", Files.readString(got), "the command got the signal");
        assertEquals(128 + 15, p.exitValue(), "the script died of SIGTERM");
        assertFalse(Files.exists(dir.resolve("c.1.exit")), "no marker: the scheduler reports such ends (a removal, a hold, an eviction)");
    }

    @Test
    void commandThatDiesOfTheForwardedSignal_leavesNoShellMessage() throws Exception {
        Path started = dir.resolve("started");
        Path f = script(CompletionTail.marker(dir.toString(), "d"), "/bin/sh", "-c", "touch \"$0\"; exec sleep 600", started.toString());
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder("bash", f.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await(started);
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap");
        assertEquals(128 + 15, p.exitValue());
        assertEquals("", Files.readString(out), "nothing of the shell's in the job's output");
        assertFalse(Files.exists(dir.resolve("d.1.exit")));
    }

    @Test
    void normalEnd_keepsStandardInputAndStatus_writesTheMarker() throws Exception {
        Path f = script(CompletionTail.marker(dir.toString(), "n"), "/bin/sh", "-c", "read x; echo \"out $x\"; echo err >&2; exit \"$x\"");
        Process p = new ProcessBuilder("bash", f.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write("4\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap");
        assertEquals(4, p.exitValue());
        assertEquals("out 4\nerr\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "the job's input reached the command");
        assertEquals("exit=4\nsignal=0\n", Files.readString(dir.resolve("n.1.exit")));
    }

    @Test
    void commandKilledBySignalOfItsOwn_markerSaysSo() throws Exception {
        Process p = new ProcessBuilder("bash", script(CompletionTail.marker(dir.toString(), "k"), "/bin/sh", "-c", "kill -9 $$").toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "safety cap");
        assertEquals(128 + 9, p.exitValue());
        assertFalse(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("Killed"));
        CompletionMarker m = CompletionMarker.read(dir.resolve("k.1.exit")).orElseThrow();
        assertNull(m.exitStatus());
        assertEquals(9, m.signal());
    }

    @Test
    void forwardingText_takesTheSameMarkerLine() {
        String one = CompletionTail.marker("/m d", "t").applyTo(CompletionTail.FORWARDING_TEXT);
        assertTrue(one.contains("DRMAA2J_MARKER='/m d/t'\n"), one);
        assertFalse(CompletionTail.TEXT.contains("drmaa2j_signalled"), "the shared tail is unchanged");
    }
}
