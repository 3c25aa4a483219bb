// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link JobSession}: listing, filtering and waiting for the jobs of a session. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class JobSessionTest {

    private static Set<String> ids(List<Job> jobs) {
        return jobs.stream().map(Job::getJobId).collect(Collectors.toSet());
    }

    @Test
    @Assertion(id = "JS-1", section = SpecSections.JOB_SESSION, value = "getJobs(null) lists every job of the session and no other")
    void getJobs_nullListsAll(Tck tck, JobSession s) {
        JobSession other = tck.newSession();
        Job a = s.runJob(tck.quick().build());
        Job b = s.runJob(tck.quick().build());
        Job c = other.runJob(tck.quick().build());
        assertEquals(Set.of(a.getJobId(), b.getJobId()), ids(s.getJobs(null)));
        assertEquals(Set.of(c.getJobId()), ids(other.getJobs(null)));
        tck.finish(a);
        tck.finish(b);
        tck.finish(c);
    }

    @Test
    @Assertion(id = "JS-2", section = SpecSections.JOB_SESSION, value = "getJobs filters by job id")
    void getJobs_filterById(Tck tck, JobSession s) {
        Job a = s.runJob(tck.quick().build());
        s.runJob(tck.quick().build());
        assertEquals(Set.of(a.getJobId()), ids(s.getJobs(JobInfo.builder().jobId(a.getJobId()).build())));
    }

    @Test
    @Assertion(id = "JS-3", section = SpecSections.JOB_SESSION, value = "getJobs filters by state")
    void getJobs_filterByState(Tck tck, JobSession s) {
        Job done = tck.finish(s.runJob(tck.quick().build()));
        Job failed = tck.finish(s.runJob(tck.exit(1).build()));
        Job running = s.runJob(tck.longJob().build());
        running.waitStarted(tck.jobTimeout());
        assertEquals(Set.of(done.getJobId()), ids(s.getJobs(JobInfo.builder().jobState(JobState.DONE).build())));
        assertEquals(Set.of(failed.getJobId()), ids(s.getJobs(JobInfo.builder().jobState(JobState.FAILED).build())));
        assertEquals(Set.of(running.getJobId()), ids(s.getJobs(JobInfo.builder().jobState(JobState.RUNNING).build())));
        running.terminate();
    }

    @Test
    @Assertion(id = "JS-4", section = SpecSections.JOB_SESSION, value = "getJobs filters by job name")
    void getJobs_filterByName(Tck tck, JobSession s) {
        Job a = s.runJob(tck.quick().jobName("tck-alpha").build());
        s.runJob(tck.quick().jobName("tck-beta").build());
        assertEquals(Set.of(a.getJobId()), ids(s.getJobs(JobInfo.builder().jobName("tck-alpha").build())));
    }

    @Test
    @Assertion(id = "JS-5", section = SpecSections.JOB_SESSION, value = "getJobs filters by exit status")
    void getJobs_filterByExitStatus(Tck tck, JobSession s) {
        Job a = tck.finish(s.runJob(tck.exit(7).build()));
        tck.finish(s.runJob(tck.exit(0).build()));
        assertEquals(Set.of(a.getJobId()), ids(s.getJobs(JobInfo.builder().exitStatus(7).build())));
    }

    @Test
    @Assertion(id = "JS-6", section = SpecSections.JOB_SESSION, value = "waitAnyStarted over a held and a runnable job returns the runnable one")
    void waitAnyStarted_mixedJobs(Tck tck, JobSession s) {
        Job blocker = blockedJob(tck, s);
        Job runnable = s.runJob(tck.longJob().build());
        Job first = s.waitAnyStarted(List.of(blocker, runnable), tck.jobTimeout());
        assertEquals(runnable.getJobId(), first.getJobId());
        blocker.terminate();
        runnable.terminate();
    }

    @Test
    @Assertion(id = "JS-7", section = SpecSections.JOB_SESSION, value = "waitAnyTerminated over a long and a short job returns the short one")
    void waitAnyTerminated_mixedJobs(Tck tck, JobSession s) {
        Job longJob = s.runJob(tck.longJob().build());
        Job shortJob = s.runJob(tck.quick().build());
        Job first = s.waitAnyTerminated(List.of(longJob, shortJob), tck.jobTimeout());
        assertEquals(shortJob.getJobId(), first.getJobId());
        assertTrue(first.getState().isTerminal());
        longJob.terminate();
    }

    @Test
    @Assertion(id = "JS-8", section = SpecSections.JOB_SESSION, value = "waitAnyTerminated throws WaitTimeoutException when no job ends in time")
    void waitAnyTerminated_timeout(Tck tck, JobSession s) {
        Job a = s.runJob(tck.longJob().build());
        Job b = s.runJob(tck.longJob().build());
        assertThrows(WaitTimeoutException.class, () -> s.waitAnyTerminated(List.of(a, b), Duration.ofMillis(500)));
        assertThrows(WaitTimeoutException.class, () -> s.waitAnyTerminated(List.of(a, b), Timeouts.ZERO));
        a.terminate();
        b.terminate();
    }

    @Test
    @Assertion(id = "JS-9", section = SpecSections.JOB_SESSION, value = "waitAnyStarted throws WaitTimeoutException with a zero timeout when no job has started")
    void waitAnyStarted_zeroTimeout(Tck tck, JobSession s) {
        Job blocker = blockedJob(tck, s);
        assertThrows(WaitTimeoutException.class, () -> s.waitAnyStarted(List.of(blocker), Timeouts.ZERO));
        blocker.terminate();
    }

    @Test
    @Assertion(id = "JS-10", section = SpecSections.JOB_SESSION, value = "closing a session ends waits in other threads with InvalidSessionException")
    void close_endsWaitsInOtherThreads(Tck tck) throws Exception {
        JobSession s = tck.newSession();
        Job j = s.runJob(tck.sleep(20).build());
        CompletableFuture<Job> wait = CompletableFuture.supplyAsync(() -> j.waitTerminated(Timeouts.INFINITE));
        Tck.pause(500);
        s.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> wait.get(tck.jobTimeout().toMillis(), TimeUnit.MILLISECONDS),
                "the wait must end when the session closes");
        assertTrue(e.getCause() instanceof InvalidSessionException, () -> "the wait ended with " + e.getCause());
    }

    @Test
    @Assertion(id = "JS-11", section = SpecSections.JOB_SESSION, value = "a session reports its name and contact; closing it twice does nothing")
    void getSessionName_andClose(Tck tck) {
        String name = tck.newSessionName();
        JobSession s = tck.track(tck.manager().createJobSession(name, tck.environment().contact()));
        assertEquals(name, s.getSessionName());
        if (tck.environment().contact() != null) assertNotNull(s.getContact());
        s.close();
        s.close();
        assertThrows(InvalidSessionException.class, () -> s.getJobs(null));
    }

    @Test
    @Assertion(id = "JS-12", section = SpecSections.JOB_SESSION, value = "getJobCategories returns a set (possibly empty), never null")
    void getJobCategories_notNull(JobSession s) {
        assertNotNull(s.getJobCategories());
    }

    @Test
    @Assertion(id = "JS-13", section = SpecSections.JOB_SESSION, value = "waitAnyStarted returns a job of the list that has started")
    void waitAnyStarted_returnsStartedJob(Tck tck, JobSession s) {
        Job a = s.runJob(tck.longJob().build());
        Job got = s.waitAnyStarted(List.of(a), tck.jobTimeout());
        assertEquals(a.getJobId(), got.getJobId());
        assertTrue(got.getState().hasStarted());
        a.terminate();
    }

    @Test
    @Assertion(id = "JS-14", section = SpecSections.JOB_SESSION, value = "getJobs filters by submission time: only jobs submitted at or after it")
    void getJobs_filterBySubmissionTime(Tck tck, JobSession s) {
        Job early = tck.finish(s.runJob(tck.quick().build()));
        Tck.pause(1500);
        Job late = s.runJob(tck.quick().build());
        java.time.Instant t = late.getJobInfo().getSubmissionTime();
        assertNotNull(t, "a submitted job has a submission time");
        assertTrue(t.isAfter(early.getJobInfo().getSubmissionTime()));
        assertEquals(Set.of(late.getJobId()), ids(s.getJobs(JobInfo.builder().submissionTime(t).build())));
        tck.finish(late);
    }

    /** A job that cannot start during the test: held, or else queued. */
    static Job blockedJob(Tck tck, JobSession s) {
        if (tck.supports(Capability.JT_SUBMIT_AS_HOLD)) {
            Job j = s.runJob(tck.longJob().submitAsHold(true).build());
            assertEquals(JobState.QUEUED_HELD, j.getState());
            return j;
        }
        return QueuedJobs.queued(tck, s);
    }
}
