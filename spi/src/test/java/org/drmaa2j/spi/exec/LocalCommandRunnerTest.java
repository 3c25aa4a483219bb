package org.drmaa2j.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.drmaa2j.DrmCommunicationException;
import org.junit.jupiter.api.Test;

class LocalCommandRunnerTest {
    private final LocalCommandRunner runner = new LocalCommandRunner();

    @Test
    void run_passesArgvExactlyWithoutShell() {
        String tricky = "a b 'c' \"d\" $HOME `id` ; rm -rf / \n é";
        CommandResult r = runner.run(Command.of(List.of("/bin/echo", "-n", tricky)));
        assertEquals(0, r.exitCode());
        assertEquals(tricky, r.stdout());
    }

    @Test
    void run_capturesExitCodeAndStderr() {
        CommandResult r = runner.run(Command.of("/bin/sh", "-c", "echo oops >&2; exit 7"));
        assertEquals(7, r.exitCode());
        assertEquals("oops\n", r.stderr());
        assertEquals("sh failed (exit 7): oops", r.describeFailure());
    }

    @Test
    void run_feedsStdin() {
        CommandResult r = runner.run(Command.of("/bin/cat").withStdin("line1\nline2\n"));
        assertEquals("line1\nline2\n", r.stdout());
    }

    @Test
    void run_killsOnTimeout() {
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                () -> runner.run(Command.of("/bin/sleep", "30").withTimeout(Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }

    @Test
    void run_missingProgramIsCommunicationError() {
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                () -> runner.run(Command.of("/nonexistent/sbatch")));
        assertTrue(e.getMessage().contains("sbatch"), e.getMessage());
    }
}
