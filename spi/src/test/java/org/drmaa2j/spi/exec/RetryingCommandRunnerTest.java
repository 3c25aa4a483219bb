// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.drmaa2j.DrmCommunicationException;
import org.junit.jupiter.api.Test;

class RetryingCommandRunnerTest {
    private static final RetryPolicy FOUR = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMinutes(1));

    /** Plays back prepared results, standing in for a scheduler that fails on demand. */
    private static final class ScriptedRunner implements CommandRunner {
        final Deque<Object> results = new ArrayDeque<>();
        int calls;

        @Override
        public CommandResult run(Command command) {
            calls++;
            Object next = results.pop();
            if (next instanceof RuntimeException e) throw e;
            String[] r = (String[]) next;
            return new CommandResult(command, Integer.parseInt(r[0]), r[1], r[2], Duration.ZERO);
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }

    private final List<Long> pauses = new ArrayList<>();

    @Test
    void run_retriesTransientFailureWithBackoffThenSucceeds() {
        ScriptedRunner s = new ScriptedRunner();
        s.results.add(new String[] {"1", "", "squeue: error: Socket timed out on send/recv operation"});
        s.results.add(new DrmCommunicationException("connection lost"));
        s.results.add(new String[] {"0", "123\n", ""});
        RetryingCommandRunner r = new RetryingCommandRunner(s, FOUR, TransientFailures.common(), pauses::add);
        assertEquals("123\n", r.run(Command.of("squeue")).stdout());
        assertEquals(3, s.calls);
        assertEquals(List.of(100L, 200L), pauses);
    }

    @Test
    void run_commandInterrupted_isNotRetried() {
        // as LocalCommandRunner and PosixSpawn do when their thread is interrupted (a session closing)
        CommandRunner interrupted = new CommandRunner() {
            @Override
            public CommandResult run(Command command) {
                Thread.currentThread().interrupt();
                throw new DrmCommunicationException("interrupted while running squeue");
            }

            @Override
            public String describe() {
                return "interrupted";
            }
        };
        RetryingCommandRunner r = new RetryingCommandRunner(interrupted, FOUR, TransientFailures.common(), pauses::add);
        try {
            DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> r.run(Command.of("squeue")));
            assertEquals("interrupted while running squeue", e.getMessage());
            assertEquals(List.of(), pauses, "no retry, no pause");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void run_doesNotRetryARealError() {
        ScriptedRunner s = new ScriptedRunner();
        s.results.add(new String[] {"1", "", "sbatch: error: Batch job submission failed: Invalid partition name specified"});
        RetryingCommandRunner r = new RetryingCommandRunner(s, FOUR, TransientFailures.common(), pauses::add);
        assertEquals(1, r.run(Command.of("sbatch")).exitCode());
        assertEquals(1, s.calls);
    }

    @Test
    void run_givesUpWithSchedulerWordsWhenBudgetSpent() {
        ScriptedRunner s = new ScriptedRunner();
        for (int i = 0; i < 4; i++) s.results.add(new String[] {"1", "", "squeue: error: Unable to contact slurm controller (connect failure)"});
        RetryingCommandRunner r = new RetryingCommandRunner(s, FOUR, TransientFailures.common(), pauses::add);
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> r.run(Command.of("squeue")));
        assertTrue(e.getMessage().contains("Unable to contact slurm controller"), e.getMessage());
        assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
        assertEquals(List.of(100L, 200L, 250L), pauses);
    }

    @Test
    void run_neverRepeatsANonRetryableCommand() {
        ScriptedRunner s = new ScriptedRunner();
        s.results.add(new String[] {"1", "", "sbatch: error: Socket timed out on send/recv operation"});
        RetryingCommandRunner r = new RetryingCommandRunner(s, FOUR, TransientFailures.common(), pauses::add);
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                () -> r.run(Command.of("sbatch").notRetryable()));
        assertEquals(1, s.calls);
        assertTrue(e.getMessage().contains("not safe to repeat"), e.getMessage());
    }
}
