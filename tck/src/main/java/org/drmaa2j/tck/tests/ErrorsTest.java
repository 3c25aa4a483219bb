// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Timeouts;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
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
    @Assertion(id = "ERR-7", section = SpecSections.JOB_SESSION, value = "runBulkJobs with begin < 1, end < begin, step < 1 or negative maxParallel throws InvalidArgumentException naming it, submitting nothing")
    void runBulkJobs_badRange(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().build();
        invalidField("begin", () -> s.runBulkJobs(t, 0, 3, 1, 0));
        invalidField("end", () -> s.runBulkJobs(t, 5, 3, 1, 0));
        invalidField("step", () -> s.runBulkJobs(t, 1, 3, 0, 0));
        invalidField("maxParallel", () -> s.runBulkJobs(t, 1, 3, 1, -1));
        assertTrue(s.getJobs(null).isEmpty(), "nothing may be submitted");
    }

    @Test
    @Assertion(id = "ERR-8", section = SpecSections.JOB_SESSION, value = "runJob(null) throws InvalidArgumentException")
    void runJob_nullTemplate(JobSession s) {
        assertThrows(InvalidArgumentException.class, () -> s.runJob(null));
    }

    @Test
    @Assertion(id = "ERR-9", section = SpecSections.JOB_SESSION, value = "getJobArray of an unknown id throws InvalidArgumentException")
    void getJobArray_unknownId(JobSession s) {
        assertThrows(InvalidArgumentException.class, () -> s.getJobArray("drmaa2j-tck-no-such-array"));
    }

    @Test
    @Assertion(id = "ERR-10", section = SpecSections.JOB_SESSION, value = "a filter for an unknown job id matches nothing")
    void getJobs_unknownIdEmpty(Tck tck, JobSession s) {
        tck.finish(s.runJob(tck.quick().build()));
        assertTrue(s.getJobs(org.drmaa2j.JobInfo.builder().jobId("drmaa2j-tck-no-such-job").build()).isEmpty());
    }

    @Test
    @Assertion(id = "ERR-11", section = SpecSections.DRMAA2J, value = "waiting on a reaped job throws InvalidArgumentException")
    void waitTerminated_reapedJob(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        j.reap();
        assertThrows(InvalidArgumentException.class, () -> j.waitTerminated(Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyTerminated(List.of(j), Timeouts.ZERO));
    }

    @Test
    @Assertion(id = "ERR-12", section = SpecSections.JOB_SESSION, value = "every method of a closed session throws InvalidSessionException")
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
    @Assertion(id = "ERR-13", section = SpecSections.JOB, value = "a job of a closed session throws InvalidSessionException")
    void closedSession_jobThrows(Tck tck) {
        JobSession s = tck.newSession();
        Job j = tck.finish(s.runJob(tck.quick().build()));
        s.close();
        assertThrows(InvalidSessionException.class, j::getState);
        assertThrows(InvalidSessionException.class, () -> j.waitTerminated(Timeouts.ZERO));
    }

    @Test
    @Assertion(id = "ERR-14", section = SpecSections.DRMAA2J, value = "reap() of a running job throws InvalidStateException and keeps the job")
    void reap_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        assertThrows(InvalidStateException.class, j::reap);
        assertEquals(JobState.RUNNING, j.getState());
        j.terminate();
    }

    @Test
    @Assertion(id = "ERR-15", section = SpecSections.JOB, value = "resume() of a running job throws InvalidStateException (JOB_SUSPEND)")
    void resume_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        tck.expectInvalidState(Capability.JOB_SUSPEND, j::resume);
        j.terminate();
    }

    @Test
    @Assertion(id = "ERR-16", section = SpecSections.JOB, value = "suspend() of an ended job throws InvalidStateException (JOB_SUSPEND)")
    void suspend_endedJob(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        tck.expectInvalidState(Capability.JOB_SUSPEND, j::suspend);
    }

    @Test
    @Assertion(id = "ERR-17", section = SpecSections.JOB, value = "hold() of a running job throws InvalidStateException (JOB_HOLD)")
    void hold_runningJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        tck.expectInvalidState(Capability.JOB_HOLD, j::hold);
        j.terminate();
    }

    @Test
    @Assertion(id = "ERR-18", section = SpecSections.JOB, value = "release() of a job that is not held throws InvalidStateException (JOB_HOLD)")
    void release_notHeld(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().build()));
        tck.expectInvalidState(Capability.JOB_HOLD, j::release);
    }

    @Test
    @Assertion(id = "ERR-19", section = SpecSections.JOB, value = "suspend() of a held job throws InvalidStateException (JOB_SUSPEND, JT_SUBMIT_AS_HOLD)")
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
    @Assertion(id = "ERR-20", section = SpecSections.JOB_SESSION, value = "waitAnyStarted and waitAnyTerminated refuse an empty list or a job of another session with InvalidArgumentException")
    void waitAny_badLists(Tck tck, JobSession s) {
        JobSession other = tck.newSession();
        Job foreign = other.runJob(tck.quick().build());
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyStarted(List.of(), Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyTerminated(List.of(), Timeouts.ZERO));
        assertThrows(InvalidArgumentException.class, () -> s.waitAnyTerminated(List.of(foreign), tck.jobTimeout()));
        tck.finish(foreign);
    }

    @Test
    @Assertion(id = "ERR-21", section = SpecSections.DRMAA2J, value = "a null timeout is refused with InvalidArgumentException naming timeout")
    void waitTerminated_nullTimeout(Tck tck, JobSession s) {
        Job j = s.runJob(tck.quick().build());
        invalidField("timeout", () -> j.waitTerminated(null));
        tck.finish(j);
    }

    @Test
    @Assertion(id = "ERR-22", section = SpecSections.DRMAA2J, value = "unwrap of a session or manager to a foreign type throws InvalidArgumentException")
    void unwrap_foreignType(Tck tck, JobSession s) {
        assertThrows(InvalidArgumentException.class, () -> s.unwrap(Runnable.class));
        assertThrows(InvalidArgumentException.class, () -> tck.manager().unwrap(Runnable.class));
    }

    @Test
    @Assertion(id = "ERR-23", section = SpecSections.JOB_SESSION, value = "bulk jobs with maxParallel set throw OperationUnsupportedException when BULK_JOBS_MAXPARALLEL is unsupported, else run")
    void runBulkJobs_maxParallelGated(Tck tck, JobSession s) {
        if (!tck.supports(Capability.BULK_JOBS_MAXPARALLEL)) {
            tck.expectUnsupportedOperation(Capability.BULK_JOBS_MAXPARALLEL, () -> s.runBulkJobs(tck.quick().build(), 1, 2, 1, 1));
            assertTrue(s.getJobs(null).isEmpty(), "nothing may be submitted");
            return;
        }
        for (Job j : s.runBulkJobs(tck.quick().build(), 1, 2, 1, 1).getJobs()) tck.finishAs(j, JobState.DONE);
    }
}
