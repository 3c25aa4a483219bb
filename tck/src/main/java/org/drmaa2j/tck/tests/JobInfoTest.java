// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link JobInfo} of ended jobs: status, times, slots, machines, owner. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class JobInfoTest {
    /** Clocks of the TCK machine and the cluster may differ this much. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    private static JobInfo done(Tck tck, JobSession s) {
        return tck.finishAs(s.runJob(tck.sleep(1).build()), JobState.DONE).getJobInfo();
    }

    @Test
    @Assertion(id = "INFO-1", section = SpecSections.JOB_INFO, value = "an ended job reports submission ≤ dispatch ≤ finish, all set")
    void times_ordered(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        assertNotNull(i.getSubmissionTime(), () -> "JobInfo: " + i);
        assertNotNull(i.getDispatchTime(), () -> "JobInfo: " + i);
        assertNotNull(i.getFinishTime(), () -> "JobInfo: " + i);
        assertFalse(i.getDispatchTime().isBefore(i.getSubmissionTime()), () -> "dispatched before submitted: " + i);
        assertFalse(i.getFinishTime().isBefore(i.getDispatchTime()), () -> "finished before dispatched: " + i);
    }

    @Test
    @Assertion(id = "INFO-2", section = SpecSections.JOB_INFO, value = "the times of a job fall within the test's own clock, give or take a few seconds")
    void times_plausible(Tck tck, JobSession s) {
        Instant before = Instant.now().minus(SKEW);
        JobInfo i = done(tck, s);
        Instant after = Instant.now().plus(SKEW);
        assertTrue(!i.getSubmissionTime().isBefore(before) && !i.getFinishTime().isAfter(after), () -> "JobInfo: " + i);
    }

    @Test
    @Assertion(id = "INFO-3", section = SpecSections.JOB_INFO, value = "a one-second job ran for about a second: finish minus dispatch is at least 0.5 s")
    void times_durationPlausible(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        assertTrue(Duration.between(i.getDispatchTime(), i.getFinishTime()).toMillis() >= 500, () -> "JobInfo: " + i);
    }

    @Test
    @Assertion(id = "INFO-4", section = SpecSections.JOB_INFO, value = "an ended job reports its slots, at least one")
    void slots_reported(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        assertNotNull(i.getSlots(), () -> "JobInfo: " + i);
        assertTrue(i.getSlots() >= 1);
    }

    @Test
    @Assertion(id = "INFO-5", section = SpecSections.JOB_INFO, value = "an ended job reports the machines it ran on, among the environment's machines where it names them")
    void allocatedMachines_reported(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        assertFalse(i.getAllocatedMachines().isEmpty(), () -> "JobInfo: " + i);
        if (!tck.environment().machineNames().isEmpty()) {
            assertTrue(tck.environment().machineNames().containsAll(i.getAllocatedMachines()), () -> "JobInfo: " + i);
        }
    }

    @Test
    @Assertion(id = "INFO-6", section = SpecSections.JOB_INFO, value = "an ended job reports its owner")
    void jobOwner_reported(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        assertNotNull(i.getJobOwner(), () -> "JobInfo: " + i);
        assertFalse(i.getJobOwner().isBlank());
    }

    @Test
    @Assertion(id = "INFO-7", section = SpecSections.DRMAA2J, value = "a DONE job has exit status 0 and no terminating signal")
    void exitStatus_done(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
    }

    @Test
    @Assertion(id = "INFO-8", section = SpecSections.JOB_INFO, value = "exit status 255 is reported as 255")
    void exitStatus_255(Tck tck, JobSession s) {
        JobInfo i = tck.finishAs(s.runJob(tck.exit(255).build()), JobState.FAILED).getJobInfo();
        assertEquals(255, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
    }

    @Test
    @Assertion(id = "INFO-9", section = SpecSections.JOB_INFO, value = "a job terminated while running reports a finish time")
    void finishTime_terminated(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        j.terminate();
        JobInfo i = tck.finishAs(j, JobState.FAILED).getJobInfo();
        assertNotNull(i.getFinishTime(), () -> "JobInfo: " + i);
    }

    @Test
    @Assertion(id = "INFO-10", section = SpecSections.JOB_INFO, value = "the queue of an ended job is reported when the driver supports queues")
    void queueName_reported(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        if (tck.supports(org.drmaa2j.Capability.JT_QUEUE)) {
            assertNotNull(i.getQueueName(), () -> "JobInfo: " + i);
            if (!tck.environment().queueNames().isEmpty()) assertTrue(tck.environment().queueNames().contains(i.getQueueName()), () -> "JobInfo: " + i);
        } else {
            Templates.rejected(tck, s, org.drmaa2j.Capability.JT_QUEUE, "queueName", tck.quick().queueName("tck-queue").build());
        }
    }

    @Test
    @Assertion(id = "INFO-11", section = SpecSections.JOB_INFO, value = "the JobInfo state and id agree with the Job")
    void state_agreesWithJob(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.exit(4).build()));
        JobInfo i = j.getJobInfo();
        assertEquals(j.getState(), i.getJobState());
        assertEquals(j.getJobId(), i.getJobId());
    }

    @Test
    @Assertion(id = "INFO-12", section = SpecSections.JOB_INFO, value = "wall-clock and CPU times, where reported, are not negative, and wall-clock covers the run")
    void wallclock_plausible(Tck tck, JobSession s) {
        JobInfo i = done(tck, s);
        if (i.getWallclockTime() != null) assertTrue(i.getWallclockTime().toMillis() >= 500, () -> "JobInfo: " + i);
        if (i.getCpuTime() != null) assertFalse(i.getCpuTime().isNegative(), () -> "JobInfo: " + i);
    }
}
