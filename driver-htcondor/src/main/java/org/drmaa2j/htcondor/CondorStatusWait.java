// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.time.Duration;
import java.util.List;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.util.MonotonicClock;

/**
 * Waits until the schedd shows a job in the status that condor_suspend or condor_continue asked
 * for. Both commands return once the schedd has taken the request; the shadow and the starter act
 * on it afterwards, and only then does the job's {@code JobStatus} change (7, Suspended, or back
 * to 2, Running). On a loaded pool the job kept running for a while after condor_suspend had
 * returned, and a condor_continue right after it was refused ("not running to be continued").
 *
 * <p>One {@code condor_q ID -af JobStatus} per look, with pauses growing from
 * {@value #FIRST_PAUSE_MILLIS} ms to {@value #MAX_PAUSE_MILLIS} ms, until the status is the one
 * asked for, the job is in neither that status nor the one it left (it ended, was held or left the
 * queue: the next status poll reads what happened), or the safety cap passes.
 */
final class CondorStatusWait {
    /** The safety cap: on an idle pool the status changes within a second; condor_q alone took up to 34 s on a loaded machine. */
    static final Duration DEFAULT_CAP = Duration.ofMinutes(3);
    static final long FIRST_PAUSE_MILLIS = 100;
    static final long MAX_PAUSE_MILLIS = 2000;

    /** How a wait ended. */
    enum Outcome {
        /** the job shows the status asked for */
        REACHED,
        /** the job shows another status than the one it left or the one asked for, or is no longer in the queue */
        MOVED_ON
    }

    private final CommandRunner runner;
    private final MonotonicClock clock;
    private final Duration cap;
    private final Object monitor = new Object();

    CondorStatusWait(CommandRunner runner, MonotonicClock clock, Duration cap) {
        this.runner = runner;
        this.clock = clock;
        this.cap = cap;
    }

    /**
     * @param jobId the job, {@code CLUSTER.PROC}
     * @param command the command whose effect is awaited, for the message
     * @param from the status the job leaves (2 for a suspension, 7 for a continuation)
     * @param to the status asked for
     * @return how the wait ended
     * @throws DrmCommunicationException when condor_q fails, or when the job still shows
     *         {@code from} once the safety cap has passed (the message names the job and the command)
     */
    Outcome await(String jobId, String command, int from, int to) {
        long start = clock.nanoTime();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Integer status = status(jobId);
            if (status != null && status == to) return Outcome.REACHED;
            if (status == null || status != from) return Outcome.MOVED_ON;
            if (clock.nanoTime() - start >= cap.toNanos()) {
                throw new DrmCommunicationException("HTCondor accepted " + command + " " + jobId + " but the job still shows JobStatus "
                        + from + " (" + CondorStates.name(from) + ") after " + cap.toSeconds() + " s instead of " + to + " ("
                        + CondorStates.name(to) + ")");
            }
            pause(pause);
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
    }

    /** @return the job's JobStatus, or null when it is not in the queue */
    private Integer status(String jobId) {
        CommandResult r = runner.run(Command.of(List.of("condor_q", jobId, "-af", "JobStatus")));
        CommandErrors.require(r);
        String out = r.stdout().strip();
        if (out.isEmpty()) return null;
        try {
            return Integer.valueOf(out);
        } catch (NumberFormatException e) {
            throw new DrmCommunicationException("condor_q " + jobId + " -af JobStatus answered '" + out + "', not a status number");
        }
    }

    private void pause(long millis) {
        synchronized (monitor) {
            try {
                clock.timedWait(monitor, Duration.ofMillis(millis).toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrmCommunicationException("interrupted while waiting for HTCondor to act on a job");
            }
        }
    }
}
