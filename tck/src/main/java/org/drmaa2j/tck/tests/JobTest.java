// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.Ticks;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link Job}: the life cycle of one job, its control operations and waits. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class JobTest {

    @Test
    @Assertion(id = "JOB-1", section = SpecSections.JOB_STATE, value = "a job that exits 0 ends DONE")
    void waitTerminated_exitZeroIsDone(Tck tck, JobSession s) {
        Job j = s.runJob(tck.quick().build());
        tck.finishAs(j, JobState.DONE);
        assertEquals(0, j.getJobInfo().getExitStatus());
    }

    @Test
    @Assertion(id = "JOB-2", section = SpecSections.DRMAA2J, value = "a job that exits non-zero ends FAILED with that exit status")
    void waitTerminated_exitNonZeroIsFailed(Tck tck, JobSession s) {
        Job j = tck.finishAs(s.runJob(tck.exit(3).build()), JobState.FAILED);
        assertEquals(3, j.getJobInfo().getExitStatus());
    }

    @Test
    @Assertion(id = "JOB-3", section = SpecSections.DRMAA2J, value = "a job killed by a signal ends FAILED, its terminating signal named (SIGKILL) and no exit status")
    void waitTerminated_killedBySignalIsFailed(Tck tck, JobSession s) {
        Job j = tck.finishAs(s.runJob(tck.script(JobScripts.KILL_SELF, "KILL").build()), JobState.FAILED);
        JobInfo i = j.getJobInfo();
        assertEquals("SIGKILL", i.getTerminatingSignal(), () -> "JobInfo: " + i);
        assertNull(i.getExitStatus(), () -> "a job killed by a signal has no exit status: " + i);
    }

    @Test
    @Assertion(id = "JOB-4", section = SpecSections.JOB, value = "terminate() ends a running job as FAILED")
    void terminate_runningJobFails(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        j.terminate();
        tck.finishAs(j, JobState.FAILED);
    }

    @Test
    @Assertion(id = "JOB-5", section = SpecSections.JOB, value = "terminate() on a job that has ended does nothing: it stays DONE")
    void terminate_endedJobIsNoOp(Tck tck, JobSession s) {
        Job j = tck.finishAs(s.runJob(tck.quick().build()), JobState.DONE);
        j.terminate();
        assertEquals(JobState.DONE, j.getState());
    }

    @Test
    @Assertion(id = "JOB-6", section = SpecSections.JOB, value = "waitStarted returns once the job runs; its state has started")
    void waitStarted_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        assertSame(j, j.waitStarted(tck.jobTimeout()));
        assertTrue(j.getState().hasStarted(), () -> "state after waitStarted: " + j.getState());
        j.terminate();
    }

    @Test
    @Assertion(id = "JOB-7", section = SpecSections.JOB, value = "waitStarted on a job that already ended returns at once")
    void waitStarted_endedJobReturns(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        assertSame(j, j.waitStarted(Timeouts.ZERO));
    }

    @Test
    @Assertion(id = "JOB-8", section = SpecSections.JOB, value = "waitTerminated with a zero timeout on a running job throws WaitTimeoutException at once")
    void waitTerminated_zeroTimeoutThrows(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        Instant t0 = Instant.now();
        assertThrows(WaitTimeoutException.class, () -> j.waitTerminated(Timeouts.ZERO));
        assertTrue(Duration.between(t0, Instant.now()).compareTo(tck.timings().schedulingDelay()) < 0, "a zero timeout must not block");
        j.terminate();
    }

    @Test
    @Assertion(id = "JOB-9", section = SpecSections.JOB, value = "waitTerminated with a finite timeout waits that long, then throws WaitTimeoutException")
    void waitTerminated_finiteTimeoutThrows(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        Instant t0 = Instant.now();
        assertThrows(WaitTimeoutException.class, () -> j.waitTerminated(Duration.ofMillis(800)));
        assertTrue(Duration.between(t0, Instant.now()).toMillis() >= 700, "the wait returned before its timeout");
        assertFalse(j.getState().isTerminal());
        j.terminate();
    }

    @Test
    @Assertion(id = "JOB-10", section = SpecSections.JOB, value = "waitTerminated with the infinite timeout returns when the job ends")
    void waitTerminated_infiniteTimeout(Tck tck, JobSession s) throws Exception {
        Job j = s.runJob(tck.sleep(1).build());
        CompletableFuture<Job> f = CompletableFuture.supplyAsync(() -> j.waitTerminated(Timeouts.INFINITE));
        assertSame(j, f.get(tck.jobTimeout().toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(JobState.DONE, j.getState());
    }

    @Test
    @Assertion(id = "JOB-11", section = SpecSections.JOB, value = "a negative timeout means wait forever")
    void waitTerminated_negativeTimeoutIsInfinite(Tck tck, JobSession s) throws Exception {
        Job j = s.runJob(tck.sleep(1).build());
        CompletableFuture<Job> f = CompletableFuture.supplyAsync(() -> j.waitTerminated(Duration.ofSeconds(-1)));
        assertSame(j, f.get(tck.jobTimeout().toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(j.getState().isTerminal());
    }

    @Test
    @Assertion(id = "JOB-12", section = SpecSections.JOB_STATE, value = "a job submitted held is QUEUED_HELD, does not start until released, then runs to DONE")
    void runJob_submitAsHold(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().submitAsHold(true).build();
        if (!tck.supports(Capability.JT_SUBMIT_AS_HOLD)) {
            tck.expectUnsupportedAttribute(Capability.JT_SUBMIT_AS_HOLD, () -> s.runJob(t));
            return;
        }
        Job j = s.runJob(t);
        assertEquals(JobState.QUEUED_HELD, j.getState());
        tck.assertStaysIn(j, JobState.QUEUED_HELD);
        if (!tck.supports(Capability.JOB_HOLD)) {
            tck.expectUnsupportedOperation(Capability.JOB_HOLD, j::release);
            j.terminate();
            return;
        }
        j.release();
        tck.finishAs(j, JobState.DONE);
    }

    @Test
    @Assertion(id = "JOB-13", section = SpecSections.JOB, value = "hold() on a QUEUED job makes it QUEUED_HELD; release() lets it run")
    void hold_queuedJob(Tck tck, JobSession s) {
        if (!tck.supports(Capability.JOB_HOLD)) {
            Job j = s.runJob(tck.longJob().build());
            tck.expectUnsupportedOperation(Capability.JOB_HOLD, j::hold);
            j.terminate();
            return;
        }
        Job j = QueuedJobs.queuedAlone(tck, s);
        j.hold();
        assertEquals(JobState.QUEUED_HELD, j.getState());
        j.release();
        JobState after = j.getState();
        assertTrue(after != JobState.QUEUED_HELD, "release() must leave QUEUED_HELD, state is " + after);
        j.terminate();
    }

    @Test
    @Assertion(id = "JOB-14", section = SpecSections.JOB, value = "suspend() makes a running job SUSPENDED and stops its processes; resume() makes it RUNNING again")
    void suspend_runningJob(Tck tck, JobSession s) {
        String file = tck.scratchPath("tick");
        Job j = s.runJob(tck.script(JobScripts.TICK, file, "60").build());
        if (!tck.supports(Capability.JOB_SUSPEND)) {
            j.waitStarted(tck.jobTimeout());
            tck.expectUnsupportedOperation(Capability.JOB_SUSPEND, j::suspend);
            j.terminate();
            return;
        }
        j.waitStarted(tck.jobTimeout());
        tck.awaitState(j, JobState.RUNNING);
        Ticks ticks = new Ticks(tck, file);
        ticks.awaitGrowth(0, "a running job");
        j.suspend();
        tck.awaitState(j, JobState.SUSPENDED);
        int stopped = ticks.awaitStopped();
        j.resume();
        tck.awaitState(j, JobState.RUNNING);
        ticks.awaitGrowth(stopped, "a resumed job did not continue");
        j.terminate();
        tck.finishAs(j, JobState.FAILED);
    }

    @Test
    @Assertion(id = "JOB-15", section = SpecSections.DRMAA2J, value = "waits never reap: after waitTerminated the job is still listed and its state readable")
    void waitTerminated_doesNotReap(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        j.waitTerminated(Timeouts.ZERO);
        j.waitStarted(Timeouts.ZERO);
        assertEquals(JobState.DONE, j.getState());
        assertTrue(s.getJobs(null).stream().anyMatch(x -> x.getJobId().equals(j.getJobId())), "the job vanished after waits");
    }

    @Test
    @Assertion(id = "JOB-16", section = SpecSections.DRMAA2J, value = "reap() removes a terminated job from getJobs")
    void reap_terminatedJob(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        j.reap();
        assertTrue(s.getJobs(null).stream().noneMatch(x -> x.getJobId().equals(j.getJobId())), "a reaped job is still listed");
    }

    @Test
    @Assertion(id = "JOB-17", section = SpecSections.DRMAA2J, value = "after reap() every method but getJobId and getSessionName throws InvalidArgumentException")
    void reap_thenMethodsThrow(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        String id = j.getJobId();
        j.reap();
        assertEquals(id, j.getJobId());
        assertEquals(s.getSessionName(), j.getSessionName());
        assertThrows(InvalidArgumentException.class, j::getState);
        assertThrows(InvalidArgumentException.class, j::getJobInfo);
        assertThrows(InvalidArgumentException.class, j::getJobTemplate);
        assertThrows(InvalidArgumentException.class, () -> j.waitTerminated(Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, j::reap);
    }

    @Test
    @Assertion(id = "JOB-18", section = SpecSections.JOB, value = "getJobTemplate returns the template the job was submitted with")
    void getJobTemplate_isSubmittedTemplate(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().jobName("tck-template").env("TCK_X", "1").build();
        Job j = s.runJob(t);
        assertEquals(t, j.getJobTemplate());
        tck.finish(j);
    }

    @Test
    @Assertion(id = "JOB-19", section = SpecSections.JOB, value = "a job has a non-blank id and belongs to its session")
    void runJob_idAndSession(Tck tck, JobSession s) {
        Job j = s.runJob(tck.quick().build());
        assertNotNull(j.getJobId());
        assertFalse(j.getJobId().isBlank());
        assertEquals(s.getSessionName(), j.getSessionName());
        assertEquals(j.getJobId(), j.getJobInfo().getJobId());
        tck.finish(j);
    }

    @Test
    @Assertion(id = "JOB-20", section = SpecSections.JOB, value = "terminate() on a held job ends it FAILED without it ever starting")
    void terminate_heldJob(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().submitAsHold(true).build();
        if (!tck.supports(Capability.JT_SUBMIT_AS_HOLD)) {
            tck.expectUnsupportedAttribute(Capability.JT_SUBMIT_AS_HOLD, () -> s.runJob(t));
            return;
        }
        Job j = s.runJob(t);
        j.terminate();
        tck.finishAs(j, JobState.FAILED);
        assertNull(j.getJobInfo().getDispatchTime(), () -> "a job terminated while held never started: " + j.getJobInfo());
    }

    @Test
    @Assertion(id = "JOB-21", section = SpecSections.JOB, value = "getJobInfo of a running job reports RUNNING and the job's id")
    void getJobInfo_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        JobInfo i = j.getJobInfo();
        assertEquals(JobState.RUNNING, i.getJobState(), () -> "JobInfo: " + i);
        assertEquals(j.getJobId(), i.getJobId());
        assertNotNull(i.getDispatchTime(), () -> "a running job has a dispatch time: " + i);
        j.terminate();
    }

    @Test
    @Assertion(id = "JOB-22", section = SpecSections.DRMAA2J, value = "unwrap returns the job for its own type and throws InvalidArgumentException for another")
    void unwrap_types(Tck tck, JobSession s) {
        Job j = s.runJob(tck.quick().build());
        assertSame(j, j.unwrap(Job.class));
        assertThrows(InvalidArgumentException.class, () -> j.unwrap(List.class));
        tck.finish(j);
    }

    @Test
    @Assertion(id = "JOB-23", section = SpecSections.JOB_TEMPLATE, value = "a job ends FAILED when its wall-clock limit (WALLCLOCK_TIME) is exceeded")
    void runJob_wallclockLimitExceeded(Tck tck, JobSession s) {
        JobTemplate t = tck.longJob().resourceLimit(org.drmaa2j.ResourceLimit.WALLCLOCK_TIME, 2).build();
        if (!tck.supports(Capability.JT_RESOURCE_LIMITS)) {
            tck.expectUnsupportedAttribute(Capability.JT_RESOURCE_LIMITS, () -> s.runJob(t));
            return;
        }
        Job j = s.runJob(t);
        tck.finishAs(j, JobState.FAILED);
    }

    @Test
    @Assertion(id = "JOB-24", section = SpecSections.JOB_STATE, value = "a QUEUED state is reachable on demand and the job leaves it to run")
    void getState_queued(Tck tck, JobSession s) {
        Job j = QueuedJobs.queued(tck, s);
        assertEquals(JobState.QUEUED, j.getState());
        j.terminate();
        tck.finishAs(j, JobState.FAILED);
    }
}
