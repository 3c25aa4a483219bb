// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drmaa2j.DrmCommunicationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForkServerCommandRunnerTest {
    private final ForkServerCommandRunner runner = ForkServerCommandRunner.local();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void run_passesArgvExactlyWithoutShell() {
        String tricky = "a b 'c' \"d\" $HOME `id` ; rm -rf / \n é \r\n";
        CommandResult r = runner.run(Command.of(List.of("/bin/echo", "-n", tricky, "")));
        assertEquals(0, r.exitCode());
        assertEquals(tricky + " ", r.stdout());
    }

    @Test
    void run_capturesExitCodeStderrAndSignal() {
        CommandResult r = runner.run(Command.of("/bin/sh", "-c", "echo out; echo oops >&2; exit 7"));
        assertEquals(7, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("oops\n", r.stderr());
        assertEquals(137, runner.run(Command.of("/bin/sh", "-c", "kill -9 $$")).exitCode());
    }

    @Test
    void run_feedsStdinAndLargeOutput() {
        String big = "x".repeat(3_000_000) + "\n";
        CommandResult r = runner.run(Command.of("/bin/cat").withStdin(big));
        assertEquals(big, r.stdout());
        assertEquals("", runner.run(Command.of("/bin/cat")).stdout(), "no input means /dev/null");
    }

    @Test
    void run_killsOnTimeoutAndKeepsServing() {
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                () -> runner.run(Command.of("/bin/sh", "-c", "sleep 30 & sleep 30").withTimeout(Duration.ofMillis(500))));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertEquals("again\n", runner.run(Command.of("/bin/echo", "again")).stdout());
    }

    @Test
    void run_missingProgramIsNotFoundAndNotRetried() {
        CommandNotFoundException e = assertThrows(CommandNotFoundException.class,
                () -> new RetryingCommandRunner(runner, RetryPolicy.DEFAULT, TransientFailures.common())
                        .run(Command.of("/nonexistent/sbatch")));
        assertTrue(e.getMessage().contains("sbatch"), e.getMessage());
    }

    @Test
    void run_servesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String word = "w" + i;
                results.add(pool.submit(() -> runner.run(Command.of("/bin/echo", word)).stdout()));
            }
            for (int i = 0; i < 80; i++) assertEquals("w" + i + "\n", results.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void run_fallsBackWhenNoServerCanStart() {
        ForkServerCommandRunner noPerl = new ForkServerCommandRunner(List.of("/nonexistent/transport"), Map.of(), "nowhere",
                new LocalCommandRunner());
        try {
            assertEquals("still works\n", noPerl.run(Command.of("/bin/echo", "still works")).stdout());
            assertEquals("twice\n", noPerl.run(Command.of("/bin/echo", "twice")).stdout());
        } finally {
            noPerl.close();
        }
    }
}
