// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.Timeouts;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.function.Executable;

/** The exception each misuse must throw, and for bad input the field it must name. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class ErrorsTest {

    private static void invalidField(String field, Executable e) {
        InvalidArgumentException x = assertThrows(InvalidArgumentException.class, e);
        assertEquals(field, x.getField(), () -> "the exception must name the field: " + x.getMessage());
    }

    @Test
    @Assertion(id = "ERR-1", value = "a template without remote command is refused with InvalidArgumentException naming remoteCommand")
    void build_noRemoteCommand() {
        invalidField("remoteCommand", () -> JobTemplate.builder(null).build());
        invalidField("remoteCommand", () -> JobTemplate.builder("  ").build());
    }

    @Test
    @Assertion(id = "ERR-2", value = "negative or zero slots are refused with InvalidArgumentException naming minSlots or maxSlots")
    void build_negativeSlots() {
        invalidField("minSlots", () -> JobTemplate.builder("/bin/true").minSlots(-1L).build());
        invalidField("minSlots", () -> JobTemplate.builder("/bin/true").minSlots(0L).build());
        invalidField("maxSlots", () -> JobTemplate.builder("/bin/true").maxSlots(-2L).build());
        invalidField("maxSlots", () -> JobTemplate.builder("/bin/true").minSlots(3L).maxSlots(2L).build());
    }

    @Test
    @Assertion(id = "ERR-3", value = "an unknown $DRMAA2_…$ placeholder is refused with InvalidArgumentException naming the field")
    void build_unknownPlaceholder() {
        invalidField("args[1]", () -> JobTemplate.builder("/bin/echo").args("ok", "$DRMAA2_NO_SUCH$").build());
        invalidField("outputPath", () -> JobTemplate.builder("/bin/echo").outputPath("/tmp/$DRMAA2_BOGUS$").build());
        invalidField("workingDirectory", () -> JobTemplate.builder("/bin/echo").workingDirectory("$DRMAA2_HOME$").build());
    }

    @Test
    @Assertion(id = "ERR-4", value = "a placeholder where none is allowed (jobName) is refused with InvalidArgumentException naming the field")
    void build_placeholderInJobName() {
        invalidField("jobName", () -> JobTemplate.builder("/bin/echo").jobName("n-$DRMAA2_INDEX$").build());
    }

    @Test
    @Assertion(id = "ERR-5", value = "a NUL character and an invalid environment variable name are refused naming the field")
    void build_nulAndBadEnvName() {
        invalidField("args[0]", () -> JobTemplate.builder("/bin/echo").args("a\0b").build());
        invalidField("jobEnvironment", () -> JobTemplate.builder("/bin/echo").env("1BAD", "x").build());
        invalidField("jobEnvironment", () -> JobTemplate.builder("/bin/echo").env("A-B", "x").build());
    }

    @Test
    @Assertion(id = "ERR-6", value = "negative resource limits, negative memory and a deadline before the start are refused naming the field")
    void build_badNumbersAndTimes() {
        invalidField("resourceLimits[WALLCLOCK_TIME]", () -> JobTemplate.builder("/bin/echo").resourceLimit(ResourceLimit.WALLCLOCK_TIME, -1).build());
        invalidField("minPhysMemory", () -> JobTemplate.builder("/bin/echo").minPhysMemory(-5L).build());
        Instant now = Instant.now();
        invalidField("deadlineTime", () -> JobTemplate.builder("/bin/echo").startTime(now).deadlineTime(now.minusSeconds(60)).build());
    }

    @Test
    @Assertion(id = "ERR-7", value = "runBulkJobs with begin < 1, end < begin, step < 1 or negative maxParallel throws InvalidArgumentException naming it, submitting nothing")
    void runBulkJobs_badRange(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().build();
        invalidField("begin", () -> s.runBulkJobs(t, 0, 3, 1, 0));
        invalidField("end", () -> s.runBulkJobs(t, 5, 3, 1, 0));
        invalidField("step", () -> s.runBulkJobs(t, 1, 3, 0, 0));
        invalidField("maxParallel", () -> s.runBulkJobs(t, 1, 3, 1, -1));
        assertTrue(s.getJobs(null).isEmpty(), "nothing may be submitted");
    }

    @Test
    @Assertion(id = "ERR-8", value = "runJob(null) throws InvalidArgumentException")
    void runJob_nullTemplate(JobSession s) {
        assertThrows(InvalidArgumentException.class, () -> s.runJob(null));
    }

    @Test
    @Assertion(id = "ERR-9", value = "getJobArray of an unknown id throws InvalidArgumentException")
    void getJobArray_unknownId(JobSession s) {
        assertThrows(InvalidArgumentException.class, () -> s.getJobArray("drmaa2j-tck-no-such-array"));
    }

    @Test
    @Assertion(id = "ERR-10", value = "a filter for an unknown job id matches nothing")
    void getJobs_unknownIdEmpty(Tck tck, JobSession s) {
        tck.finish(s.runJob(tck.quick().build()));
        assertTrue(s.getJobs(org.drmaa2j.JobInfo.builder().jobId("drmaa2j-tck-no-such-job").build()).isEmpty());
    }

    @Test
    @Assertion(id = "ERR-11", value = "waiting on a reaped job throws InvalidArgumentException")
    void waitTerminated_reapedJob(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        j.reap();
        assertThrows(InvalidArgumentException.class, () -> j.waitTerminated(Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyTerminated(List.of(j), Timeouts.ZERO));
    }

    @Test
    @Assertion(id = "ERR-12", value = "every method of a closed session throws InvalidSessionException")
    void closedSession_throws(Tck tck) {
        JobSession s = tck.newSession();
        Job j = tck.finish(s.runJob(tck.quick().build()));
        s.close();
        assertThrows(InvalidSessionException.class, () -> s.runJob(tck.quick().build()));
        assertThrows(InvalidSessionException.class, () -> s.runBulkJobs(tck.quick().build(), 1, 2, 1, 0));
        assertThrows(InvalidSessionException.class, () -> s.getJobs(null));
        assertThrows(InvalidSessionException.class, () -> s.waitAnyTerminated(List.of(j), Timeouts.ZERO));
        assertThrows(InvalidSessionException.class, s::getJobCategories);
    }

    @Test
    @Assertion(id = "ERR-13", value = "a job of a closed session throws InvalidSessionException")
    void closedSession_jobThrows(Tck tck) {
        JobSession s = tck.newSession();
        Job j = tck.finish(s.runJob(tck.quick().build()));
        s.close();
        assertThrows(InvalidSessionException.class, j::getState);
        assertThrows(InvalidSessionException.class, () -> j.waitTerminated(Timeouts.ZERO));
    }

    @Test
    @Assertion(id = "ERR-14", value = "reap() of a running job throws InvalidStateException and keeps the job")
    void reap_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        assertThrows(InvalidStateException.class, j::reap);
        assertEquals(JobState.RUNNING, j.getState());
        j.terminate();
    }

    @Test
    @Assertion(id = "ERR-15", value = "resume() of a running job throws InvalidStateException (JOB_SUSPEND)")
    void resume_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        tck.expectInvalidState(Capability.JOB_SUSPEND, j::resume);
        j.terminate();
    }

    @Test
    @Assertion(id = "ERR-16", value = "suspend() of an ended job throws InvalidStateException (JOB_SUSPEND)")
    void suspend_endedJob(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        tck.expectInvalidState(Capability.JOB_SUSPEND, j::suspend);
    }

    @Test
    @Assertion(id = "ERR-17", value = "hold() of a running job throws InvalidStateException (JOB_HOLD)")
    void hold_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        tck.expectInvalidState(Capability.JOB_HOLD, j::hold);
        j.terminate();
    }

    @Test
    @Assertion(id = "ERR-18", value = "release() of a job that is not held throws InvalidStateException (JOB_HOLD)")
    void release_notHeld(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        tck.expectInvalidState(Capability.JOB_HOLD, j::release);
    }

    @Test
    @Assertion(id = "ERR-19", value = "suspend() of a held job throws InvalidStateException (JOB_SUSPEND, JT_SUBMIT_AS_HOLD)")
    void suspend_heldJob(Tck tck, JobSession s) {
        if (!tck.supports(Capability.JOB_SUSPEND)) {
            Job j = tck.finish(s.runJob(tck.quick().build()));
            tck.expectUnsupportedOperation(Capability.JOB_SUSPEND, j::suspend);
            return;
        }
        Job held = JobSessionTest.blockedJob(tck, s);
        assertThrows(InvalidStateException.class, held::suspend);
        held.terminate();
    }

    @Test
    @Assertion(id = "ERR-20", value = "waitAnyStarted and waitAnyTerminated refuse an empty list or a job of another session with InvalidArgumentException")
    void waitAny_badLists(Tck tck, JobSession s) {
        JobSession other = tck.newSession();
        Job foreign = other.runJob(tck.quick().build());
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyStarted(List.of(), Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyTerminated(List.of(), Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyTerminated(List.of(foreign), tck.jobTimeout()));
        tck.finish(foreign);
    }

    @Test
    @Assertion(id = "ERR-21", value = "a null timeout is refused with InvalidArgumentException naming timeout")
    void waitTerminated_nullTimeout(Tck tck, JobSession s) {
        Job j = s.runJob(tck.quick().build());
        invalidField("timeout", () -> j.waitTerminated(null));
        tck.finish(j);
    }

    @Test
    @Assertion(id = "ERR-22", value = "unwrap of a session or manager to a foreign type throws InvalidArgumentException")
    void unwrap_foreignType(Tck tck, JobSession s) {
        assertThrows(InvalidArgumentException.class, () -> s.unwrap(Runnable.class));
        assertThrows(InvalidArgumentException.class, () -> tck.manager().unwrap(Runnable.class));
    }

    @Test
    @Assertion(id = "ERR-23", value = "bulk jobs with maxParallel set throw OperationUnsupportedException when BULK_JOBS_MAXPARALLEL is unsupported, else run")
    void runBulkJobs_maxParallelGated(Tck tck, JobSession s) {
        if (!tck.supports(Capability.BULK_JOBS_MAXPARALLEL)) {
            tck.expectUnsupportedOperation(Capability.BULK_JOBS_MAXPARALLEL, () -> s.runBulkJobs(tck.quick().build(), 1, 2, 1, 1));
            assertTrue(s.getJobs(null).isEmpty(), "nothing may be submitted");
            return;
        }
        for (Job j : s.runBulkJobs(tck.quick().build(), 1, 2, 1, 1).getJobs()) tck.finishAs(j, JobState.DONE);
    }
}
