// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Notification;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;
import org.junit.jupiter.api.Test;

class GenericWaitAndPollTest extends GenericSessionTestSupport {
    private static final JobTemplate ECHO = JobTemplate.builder("/bin/echo").build();

    private static Thread later(long ms, Runnable r) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                return;
            }
            r.run();
        });
        t.start();
        return t;
    }

    @Test
    void zeroTimeout_checksOnce_andNeverReaps() {
        open(TinyBackend.all(), 50, 60_000);
        Job job = js.runJob(ECHO);
        assertThrows(WaitTimeoutException.class, () -> job.waitStarted(Timeouts.ZERO));
        backend.push(job.getJobId(), JobState.DONE);
        assertEquals(job, job.waitStarted(Timeouts.ZERO));
        assertEquals(job, job.waitTerminated(Timeouts.ZERO));
        assertEquals(job, job.waitTerminated(Duration.ofSeconds(-5)));
        assertEquals(List.of(job), js.getJobs(null));
    }

    @Test
    void pushedStateChange_wakesAWaiter() throws Exception {
        open(TinyBackend.all(), 60_000, 60_000);
        Job job = js.runJob(ECHO);
        Thread t = later(200, () -> backend.push(job.getJobId(), JobState.DONE));
        assertEquals(job, job.waitTerminated(Duration.ofSeconds(30)));
        t.join();
        assertEquals(JobState.DONE, job.getState());
    }

    @Test
    void timeout_throwsWhenTheJobDoesNotEnd() {
        open(TinyBackend.all(), 50, 60_000);
        Job job = js.runJob(ECHO);
        long t0 = System.nanoTime();
        assertThrows(WaitTimeoutException.class, () -> job.waitTerminated(Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - t0 >= 290_000_000L);
    }

    @Test
    void closingTheSession_endsWaitsWithInvalidSession() throws Exception {
        open(TinyBackend.all(), 50, 60_000);
        Job job = js.runJob(ECHO);
        Thread t = later(200, js::close);
        assertThrows(InvalidSessionException.class, () -> job.waitTerminated(Timeouts.INFINITE));
        t.join();
    }

    @Test
    void poller_asksOnceForAllLiveJobs_andStopsWhenNoneIsLive() throws Exception {
        open(TinyBackend.all(), 40, 60_000);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) jobs.add(js.runJob(ECHO));
        for (Job j : jobs) backend.set(j.getJobId(), JobState.RUNNING);
        js.waitAnyStarted(jobs, Duration.ofSeconds(30));
        for (Job j : jobs) j.waitStarted(Duration.ofSeconds(30));
        for (Job j : jobs) assertEquals(JobState.RUNNING, j.getState());
        List<String> all = jobs.stream().map(Job::getJobId).sorted().toList();
        assertTrue(backend.statusCalls.stream().allMatch(c -> c.equals(all)), "every status call asks about all live jobs: " + backend.statusCalls);
        backend.set(jobs.get(2).getJobId(), JobState.DONE);
        assertEquals(jobs.get(2), js.waitAnyTerminated(jobs, Duration.ofSeconds(30)));
        for (Job j : jobs) backend.set(j.getJobId(), JobState.DONE);
        for (Job j : jobs) j.waitTerminated(Duration.ofSeconds(30));
        int calls = backend.statusCalls.size();
        Thread.sleep(300);
        assertEquals(calls, backend.statusCalls.size(), "no status calls without live jobs");
    }

    @Test
    void poller_isSlowWhenNobodyWaits_fastWhenSomeoneDoes() throws Exception {
        open(TinyBackend.all(), 40, 60_000);
        Job job = js.runJob(ECHO);
        Thread.sleep(400);
        int idle = backend.statusCalls.size();
        assertTrue(idle <= 1, "an idle poller must not poll at the fast rate: " + idle);
        // the job ends once the poller has called three times more for the waiter: 120 ms at the fast
        // interval; at the slow one (60 s) it would take minutes and the wait's 30 s would run out
        Thread ender = new Thread(() -> {
            try {
                while (backend.statusCalls.size() - idle < 3) Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            backend.set(job.getJobId(), JobState.DONE);
        });
        ender.start();
        try {
            job.waitTerminated(Duration.ofSeconds(30));
        } finally {
            ender.interrupt();
        }
        assertTrue(backend.statusCalls.size() - idle >= 3, "a waiter makes the poller fast: " + backend.statusCalls.size());
    }

    @Test
    void manyWaiters_atDefaultSettings_atMostOneStatusCallPerSecond() throws Exception {
        openWithDefaults(TinyBackend.all());
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) jobs.add(js.runJob(ECHO));
        int before = backend.statusCalls.size();
        long t0 = System.nanoTime();
        List<Thread> waiters = new ArrayList<>();
        List<Job> ended = new CopyOnWriteArrayList<>();
        for (Job j : jobs) {
            Thread t = new Thread(() -> ended.add(j.waitTerminated(Duration.ofSeconds(30))));
            waiters.add(t);
            t.start();
            Thread.sleep(20); // waiters keep arriving, each kicking the poller
        }
        later(500, () -> jobs.forEach(j -> backend.set(j.getJobId(), JobState.DONE)));
        for (Thread t : waiters) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int calls = backend.statusCalls.size() - before;
        assertEquals(jobs.size(), ended.size());
        assertTrue(calls <= Math.ceil(seconds) + 1, calls + " status calls in " + seconds + " s with 50 waiters");
    }

    @Test
    void callback_receivesNewStates() {
        open(TinyBackend.all(), 50, 60_000);
        List<Notification> seen = new CopyOnWriteArrayList<>();
        sm.registerEventNotification(seen::add);
        Job job = js.runJob(ECHO);
        backend.push(job.getJobId(), JobState.RUNNING);
        backend.push(job.getJobId(), JobState.RUNNING);
        backend.push(job.getJobId(), JobState.DONE);
        List<JobState> states = seen.stream().filter(n -> n.jobId().equals(job.getJobId())).map(Notification::jobState).toList();
        assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.DONE), states);
        sm.registerEventNotification(null);
    }

    @Test
    void reopenedSession_raisesNoEventsForStoredJobs() {
        open(TinyBackend.all(), 50, 60_000);
        js.runJob(ECHO);
        try (GenericSessionManager second = another()) {
            List<Notification> seen = new CopyOnWriteArrayList<>();
            second.registerEventNotification(seen::add);
            assertEquals(1, second.openJobSession("s1").getJobs(null).size());
            assertTrue(seen.isEmpty(), seen.toString());
        }
    }

    @Test
    void lateNonTerminalNews_doNotReviveAnEndedJob() {
        open(TinyBackend.all(), 50, 60_000);
        Job job = js.runJob(ECHO);
        backend.push(job.getJobId(), JobState.DONE);
        backend.push(job.getJobId(), JobState.RUNNING);
        assertEquals(JobState.DONE, job.getState());
    }
}
