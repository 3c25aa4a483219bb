// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.drmaa2j.DrmCommunicationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same behaviour whether commands start through posix_spawn or through ProcessBuilder. */
class LocalCommandRunnerTest {

    static Stream<LocalCommandRunner> runners() {
        return Stream.of(new LocalCommandRunner(Map.of("DRMAA2J_TEST_VAR", "x y"), true, true),
                new LocalCommandRunner(Map.of("DRMAA2J_TEST_VAR", "x y"), true, false));
    }

    @Test
    void posixSpawnIsUsedOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) assertTrue(new LocalCommandRunner().usesPosixSpawn());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_passesArgvExactlyWithoutShell(LocalCommandRunner runner) {
        String tricky = "a b 'c' \"d\" $HOME `id` ; rm -rf / \n é";
        CommandResult r = runner.run(Command.of(List.of("/bin/echo", "-n", tricky)));
        assertEquals(0, r.exitCode());
        assertEquals(tricky, r.stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_findsProgramsOnThePath(LocalCommandRunner runner) {
        assertEquals("hi\n", runner.run(Command.of("echo", "hi")).stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_capturesExitCodeAndStderr(LocalCommandRunner runner) {
        CommandResult r = runner.run(Command.of("/bin/sh", "-c", "echo oops >&2; exit 7"));
        assertEquals(7, r.exitCode());
        assertEquals("oops\n", r.stderr());
        assertEquals("sh failed (exit 7): oops", r.describeFailure());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_reportsDeathBySignalAs128PlusSignal(LocalCommandRunner runner) {
        assertEquals(128 + 15, runner.run(Command.of("/bin/sh", "-c", "kill -TERM $$")).exitCode());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_feedsStdin(LocalCommandRunner runner) {
        CommandResult r = runner.run(Command.of("/bin/cat").withStdin("line1\nline2\n"));
        assertEquals("line1\nline2\n", r.stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_givesNoInputWithoutStdin(LocalCommandRunner runner) {
        CommandResult r = runner.run(Command.of("/bin/cat"));
        assertEquals(0, r.exitCode());
        assertEquals("", r.stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_streamsLargeInputAndOutputsAtOnce(LocalCommandRunner runner) {
        byte[] big = new byte[3 * 1024 * 1024 + 7];
        Arrays.fill(big, (byte) 'a');
        String text = new String(big, StandardCharsets.US_ASCII);
        // cat echoes to stdout and (tee) to stderr while its input is still being written: no deadlock
        CommandResult r = runner.run(Command.of("/bin/sh", "-c", "tee /dev/stderr").withStdin(text));
        assertEquals(0, r.exitCode());
        assertEquals(big.length, r.stdout().length());
        assertEquals(big.length, r.stderr().length());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_toleratesAProgramThatIgnoresItsInput(LocalCommandRunner runner) {
        byte[] big = new byte[1024 * 1024];
        CommandResult r = runner.run(Command.of("/bin/true").withStdin(new String(big, StandardCharsets.US_ASCII)));
        assertEquals(0, r.exitCode());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_addsTheRunnersEnvironment(LocalCommandRunner runner) {
        CommandResult r = runner.run(Command.of("/bin/sh", "-c", "printf %s \"$DRMAA2J_TEST_VAR|$PATH\""));
        assertEquals("x y|" + System.getenv("PATH"), r.stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_leaksNoDescriptorsToTheChild(LocalCommandRunner runner) {
        // ls opens one descriptor of its own to read the directory
        CommandResult r = runner.run(Command.of("/bin/ls", "/proc/self/fd"));
        assertTrue(r.stdout().strip().split("\n").length <= 4, r.stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_killsOnTimeout(LocalCommandRunner runner) {
        long t0 = System.nanoTime();
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                () -> runner.run(Command.of("/bin/sleep", "300").withTimeout(Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        // killed, not waited for: the bound is a safety cap far above the 0.3 s an idle machine takes
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(150), "the program was waited for, not killed");
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_waitsForAProgramThatClosedItsOutputBeforeEnding(LocalCommandRunner runner) {
        CommandResult r = runner.run(Command.of("/bin/sh", "-c", "echo early; exec >&- 2>&-; sleep 0.3; exit 4"));
        assertEquals(4, r.exitCode());
        assertEquals("early\n", r.stdout());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_killsOnTimeoutAProgramThatClosedItsOutput(LocalCommandRunner runner) {
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> runner.run(
                Command.of("/bin/sh", "-c", "exec >&- 2>&-; sleep 30").withTimeout(Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_stopsWhenInterrupted(LocalCommandRunner runner) throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                runner.run(Command.of("/bin/sleep", "300"));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        while (worker.get() == null) Thread.sleep(10);
        Thread.sleep(300);
        worker.get().interrupt();
        Throwable t = outcome.get(150, TimeUnit.SECONDS); // a safety cap; the program sleeps 300 s unless stopped
        assertTrue(t instanceof DrmCommunicationException && t.getMessage().contains("interrupted"), String.valueOf(t));
    }

    @ParameterizedTest
    @MethodSource("runners")
    void run_missingProgramIsCommunicationError(LocalCommandRunner runner) {
        DrmCommunicationException e = assertThrows(CommandNotFoundException.class,
                () -> runner.run(Command.of("/nonexistent/sbatch")));
        assertTrue(e.getMessage().contains("sbatch"), e.getMessage());
    }

    @Test
    void exitCodeFollowsTheJdk() {
        assertEquals(3, PosixSpawn.exitCode(3 << 8));
        assertEquals(128 + 9, PosixSpawn.exitCode(9));
    }
}
