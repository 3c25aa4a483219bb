// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.OperationUnsupportedException;
import org.junit.jupiter.api.Test;

class GenericJobRulesTest extends GenericSessionTestSupport {
    private static final JobTemplate ECHO = JobTemplate.builder("/bin/echo").build();

    @Test
    void stateTransitions_invalidOnesAreRejected() {
        open(TinyBackend.all(), 50, 50);
        Job job = js.runJob(ECHO);
        assertEquals(JobState.QUEUED, job.getState());
        assertThrows(InvalidStateException.class, job::suspend);
        assertThrows(InvalidStateException.class, job::resume);
        assertThrows(InvalidStateException.class, job::release);
        job.hold();
        assertEquals(JobState.QUEUED_HELD, job.getState());
        assertThrows(InvalidStateException.class, job::hold);
        job.release();
        backend.push(job.getJobId(), JobState.RUNNING);
        assertThrows(InvalidStateException.class, job::resume);
        assertThrows(InvalidStateException.class, job::hold);
        job.suspend();
        assertEquals(JobState.SUSPENDED, job.getState());
        assertThrows(InvalidStateException.class, job::suspend);
        job.resume();
        assertEquals(List.of("HOLD " + job.getJobId(), "RELEASE " + job.getJobId(), "SUSPEND " + job.getJobId(),
                "RESUME " + job.getJobId()), backend.controls);
    }

    @Test
    void workingDirectory_referringToItself_isRefusedForEveryDriver() {
        open(TinyBackend.all(), 50, 50);
        JobTemplate t = JobTemplate.builder("/bin/echo").workingDirectory("$DRMAA2_WORKING_DIR$/x").build();
        assertEquals("workingDirectory", assertThrows(InvalidArgumentException.class, () -> js.runJob(t)).getField());
        assertEquals("workingDirectory", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(t, 1, 2, 1, 0)).getField());
        assertTrue(js.getJobs(null).isEmpty());
        js.runJob(JobTemplate.builder("/bin/echo").workingDirectory("$DRMAA2_HOME_DIR$/$DRMAA2_INDEX$").build());
    }

    @Test
    void terminate_ofEndedJob_doesNothing() {
        open(TinyBackend.all(), 50, 50);
        Job job = js.runJob(ECHO);
        backend.push(job.getJobId(), JobState.DONE);
        job.terminate();
        assertTrue(backend.controls.isEmpty());
    }

    @Test
    void unsupportedCapabilities_throw() {
        open(EnumSet.noneOf(Capability.class), 50, 50);
        Job job = js.runJob(ECHO);
        backend.push(job.getJobId(), JobState.RUNNING);
        assertThrows(OperationUnsupportedException.class, job::suspend);
        assertThrows(OperationUnsupportedException.class, job::hold);
        assertThrows(OperationUnsupportedException.class, () -> sm.openMonitoringSession(null));
        assertThrows(OperationUnsupportedException.class, () -> sm.registerEventNotification(n -> { }));
        assertThrows(OperationUnsupportedException.class, () -> sm.createReservationSession(null, null));
        assertThrows(OperationUnsupportedException.class, () -> js.runBulkJobs(ECHO, 1, 2, 1, 1));
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> js.runJob(JobTemplate.builder("/bin/echo").submitAsHold(true).build()));
        assertEquals("submitAsHold", e.getAttribute());
        assertEquals("email", assertThrows(UnsupportedAttributeException.class,
                () -> js.runJob(JobTemplate.builder("/bin/echo").emailOnTerminated(true).build())).getAttribute());
        assertEquals("extensions[x.y]", assertThrows(UnsupportedAttributeException.class,
                () -> js.runJob(JobTemplate.builder("/bin/echo").extension("x.y", "1").build())).getAttribute());
        assertEquals(1, js.getJobs(null).size());
    }

    @Test
    void reap_onlyTerminated_thenGone() {
        open(TinyBackend.all(), 50, 50);
        Job job = js.runJob(ECHO);
        assertThrows(InvalidStateException.class, job::reap);
        backend.push(job.getJobId(), JobState.FAILED);
        job.reap();
        assertThrows(InvalidArgumentException.class, job::getState);
        assertThrows(InvalidArgumentException.class, job::getJobTemplate);
        assertThrows(InvalidArgumentException.class, job::terminate);
        assertEquals("s1", job.getSessionName());
        assertTrue(js.getJobs(null).isEmpty());
        assertTrue(sm.store().loadJobs("s1").isEmpty());
    }

    @Test
    void closedSession_rejectsEverything() {
        open(TinyBackend.all(), 50, 50);
        Job job = js.runJob(ECHO);
        js.close();
        js.close();
        assertThrows(InvalidSessionException.class, job::getState);
        assertThrows(InvalidSessionException.class, job::terminate);
        assertThrows(InvalidSessionException.class, () -> js.runJob(ECHO));
        assertThrows(InvalidSessionException.class, () -> js.getJobs(null));
        assertThrows(InvalidSessionException.class, js::getContact);
        sm.close();
        assertThrows(InvalidSessionException.class, () -> sm.createJobSession(null, null));
    }

    @Test
    void bulk_arguments_areNamed_andArrayOpsSkipInapplicableTasks() {
        open(TinyBackend.all(), 50, 50);
        assertEquals("begin", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(ECHO, 0, 1, 1, 0)).getField());
        assertEquals("end", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(ECHO, 2, 1, 1, 0)).getField());
        assertEquals("step", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(ECHO, 1, 1, 0, 0)).getField());
        assertEquals("maxParallel", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(ECHO, 1, 1, 1, -2)).getField());
        JobArray a = js.runBulkJobs(ECHO, 1, 5, 2, 0);
        assertEquals(3, a.getJobs().size());
        assertEquals(List.of(1L, 3L, 5L), a.getJobs().stream().map(j -> ((GenericJob) j).record().taskIndex()).toList());
        backend.push(a.getJobs().get(0).getJobId(), JobState.RUNNING);
        a.suspend();
        assertEquals(JobState.SUSPENDED, a.getJobs().get(0).getState());
        assertEquals(JobState.QUEUED, a.getJobs().get(1).getState());
        assertThrows(InvalidStateException.class, a::release);
        assertThrows(InvalidStateException.class, a::reap);
        assertTrue(backend.controls.stream().noneMatch(c -> c.startsWith("REAP")));
        assertEquals(a, js.getJobArray(a.getJobArrayId()));
        assertThrows(InvalidArgumentException.class, () -> js.getJobArray("nope"));
    }

    @Test
    void arrayHoldAndRelease_wholeArrayBackend_oneControlForTheArray() {
        open(TinyBackend.all(), 50, 50);
        backend.wholeArrays = true;
        JobArray a = js.runBulkJobs(ECHO, 1, 3, 1, 0);
        backend.push(a.getJobs().get(2).getJobId(), JobState.RUNNING);
        a.hold();
        assertEquals(List.of("HOLD " + a.getJobArrayId()), backend.controls);
        assertEquals(JobState.QUEUED_HELD, a.getJobs().get(0).getState());
        assertEquals(JobState.QUEUED_HELD, a.getJobs().get(1).getState());
        assertEquals(JobState.RUNNING, a.getJobs().get(2).getState());
        assertThrows(InvalidStateException.class, a::hold, "no task is queued any more");
        a.release();
        assertEquals(List.of("HOLD " + a.getJobArrayId(), "RELEASE " + a.getJobArrayId()), backend.controls);
        assertEquals(JobState.QUEUED, a.getJobs().get(0).getState());
        assertThrows(InvalidStateException.class, a::release);
        assertEquals(2, backend.controls.size(), "a refused array operation reaches no scheduler");
    }

    @Test
    void getJobs_filtersWithJobInfoMatches() {
        open(TinyBackend.all(), 50, 50);
        Job a = js.runJob(ECHO);
        Job b = js.runJob(ECHO);
        backend.push(b.getJobId(), JobState.RUNNING);
        assertEquals(List.of(b), js.getJobs(JobInfo.builder().jobState(JobState.RUNNING).build()));
        assertEquals(List.of(a), js.getJobs(JobInfo.builder().jobId(a.getJobId()).build()));
        assertEquals(2, js.getJobs(JobInfo.builder().queueName("tiny").build()).size());
    }

    @Test
    void waitAny_rejectsForeignAndEmptyLists() {
        open(TinyBackend.all(), 50, 50);
        Job mine = js.runJob(ECHO);
        var other = sm.createJobSession("s2", null);
        Job theirs = other.runJob(ECHO);
        assertThrows(InvalidArgumentException.class, () -> js.waitAnyTerminated(List.of(), java.time.Duration.ZERO));
        assertThrows(InvalidArgumentException.class, () -> js.waitAnyTerminated(List.of(mine, theirs), java.time.Duration.ZERO));
    }
}
