// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import org.drmaa2j.Capability;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.support.Tck;

/** Produces a job in state QUEUED on demand, by means every driver declares through its capabilities. */
final class QueuedJobs {
    private QueuedJobs() {
    }

    /**
     * A job waiting behind a long job (the second task of a bulk job with maxParallel 1), or else one
     * with a start time an hour away. The test cleans both up.
     *
     * @param tck the test context
     * @param s the session
     * @return a job now QUEUED
     */
    static Job queued(Tck tck, JobSession s) {
        if (tck.supports(Capability.BULK_JOBS_MAXPARALLEL)) {
            JobArray a = s.runBulkJobs(tck.longJob().build(), 1, 2, 1, 1);
            a.getJobs().get(0).waitStarted(tck.jobTimeout());
            Job second = a.getJobs().get(1);
            tck.awaitState(second, JobState.QUEUED);
            return second;
        }
        if (tck.supports(Capability.JT_START_TIME)) {
            Job j = s.runJob(tck.longJob().startTime(Instant.now().plus(Duration.ofHours(1))).build());
            tck.awaitState(j, JobState.QUEUED);
            return j;
        }
        return fail("the TCK reaches QUEUED with a bulk job's maxParallel or a job's start time; the driver supports neither");
    }

    /**
     * A QUEUED job that is not a task of a bulk job (a job with a start time an hour away), where
     * the driver supports start times; else {@link #queued}. For operations on one job that a
     * scheduler may allow on a whole array only (OpenPBS holds and releases arrays only as a whole).
     *
     * @param tck the test context
     * @param s the session
     * @return a job now QUEUED
     */
    static Job queuedAlone(Tck tck, JobSession s) {
        if (tck.supports(Capability.JT_START_TIME)) {
            Job j = s.runJob(tck.longJob().startTime(Instant.now().plus(Duration.ofHours(1))).build());
            tck.awaitState(j, JobState.QUEUED);
            return j;
        }
        return queued(tck, s);
    }
}
