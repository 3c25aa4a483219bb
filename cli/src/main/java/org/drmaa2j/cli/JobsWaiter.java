// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;

/** Waits for many jobs of a session with one wait for any of them at a time, updating a progress bar. */
final class JobsWaiter {
    private static final Duration TICK = Duration.ofSeconds(1);

    private JobsWaiter() {
    }

    /**
     * @param session the session of the jobs
     * @param jobs the jobs
     * @param timeout how long to wait at most ({@link Timeouts#INFINITE} for ever)
     * @param progress the bar to update
     * @throws WaitTimeoutException naming how many jobs had not ended when the timeout elapsed
     */
    static void awaitAll(JobSession session, List<Job> jobs, Duration timeout, Progress progress) {
        Instant deadline = Timeouts.isInfinite(timeout) ? null : Instant.now().plus(timeout);
        List<Job> left = new ArrayList<>(jobs);
        int failed = 0;
        progress.update(0, 0);
        try {
            while (!left.isEmpty()) {
                Duration wait = TICK;
                if (deadline != null) {
                    Duration remaining = Duration.between(Instant.now(), deadline);
                    if (remaining.isNegative() || remaining.isZero()) {
                        throw new WaitTimeoutException(left.size() + " of " + jobs.size() + " jobs did not end within " + timeout);
                    }
                    if (remaining.compareTo(wait) < 0) wait = remaining;
                }
                try {
                    session.waitAnyTerminated(left, wait);
                } catch (WaitTimeoutException e) {
                    // check the deadline and wait again
                }
                for (int i = left.size() - 1; i >= 0; i--) {
                    JobState s = left.get(i).getState();
                    if (s.isTerminal()) {
                        if (s == JobState.FAILED) failed++;
                        left.remove(i);
                    }
                }
                progress.update(jobs.size() - left.size(), failed);
            }
        } finally {
            progress.finish();
        }
    }
}
