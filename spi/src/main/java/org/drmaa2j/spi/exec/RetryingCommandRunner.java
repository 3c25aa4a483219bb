// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.time.Duration;
import org.drmaa2j.DrmCommunicationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries retryable commands with backoff while they fail transiently (see
 * {@link TransientFailures}) or the runner cannot reach the scheduler. When the budget is spent it
 * throws {@link DrmCommunicationException} with the scheduler's last words; it never turns a
 * communication failure into a result the driver could misread as a job state.
 */
public final class RetryingCommandRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingCommandRunner.class);

    private final CommandRunner delegate;
    private final RetryPolicy policy;
    private final TransientFailures transientFailures;
    private final Sleeper sleeper;

    /**
     * @param delegate the runner that really runs commands
     * @param policy how long to keep trying
     * @param transientFailures which failures are worth retrying
     */
    public RetryingCommandRunner(CommandRunner delegate, RetryPolicy policy, TransientFailures transientFailures) {
        this(delegate, policy, transientFailures, Thread::sleep);
    }

    RetryingCommandRunner(CommandRunner delegate, RetryPolicy policy, TransientFailures transientFailures, Sleeper sleeper) {
        this.delegate = delegate;
        this.policy = policy;
        this.transientFailures = transientFailures;
        this.sleeper = sleeper;
    }

    @Override
    public CommandResult run(Command command) {
        long deadline = System.nanoTime() + policy.budget().toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            String failure;
            DrmCommunicationException cause = null;
            try {
                CommandResult r = delegate.run(command);
                if (!transientFailures.isTransient(r)) return r;
                failure = r.describeFailure();
            } catch (CommandNotFoundException e) {
                throw e;
            } catch (DrmCommunicationException e) {
                if (Thread.currentThread().isInterrupted()) throw e; // stopped (a session closing), not a flaky scheduler
                failure = e.getMessage();
                cause = e;
            }
            boolean budgetLeft = attempts < policy.maxAttempts() && System.nanoTime() < deadline;
            if (!command.retryable() || !budgetLeft) {
                String msg = command.retryable()
                        ? failure + " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " on " + delegate.describe() + ")"
                        : failure + " (not retried: " + command.program() + " is not safe to repeat)";
                throw cause != null && !command.retryable() ? cause : new DrmCommunicationException(msg, cause);
            }
            Duration pause = policy.backoff(attempts);
            LOG.warn("{} failed transiently ({}); attempt {} of {} in {} ms", command.program(), failure, attempts + 1,
                    policy.maxAttempts(), pause.toMillis());
            try {
                sleeper.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrmCommunicationException(failure + " (interrupted while retrying)", e);
            }
        }
    }

    @Override
    public java.util.Optional<CoProcess> startCoProcess(Command command) {
        return delegate.startCoProcess(command);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Pauses between attempts; replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
