// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Completion markers in the generic layer, over the in-memory scheduler: the test writes the marker a
 * job script would write. A poll interval of an hour stands for a poller whose clock never moves.
 */
class GenericMarkerTest extends GenericSessionTestSupport {
    private static final JobTemplate ECHO = JobTemplate.builder("/bin/echo").build();
    private static final long FROZEN = 3_600_000;
    private static final Duration CAP = Duration.ofMinutes(2);

    private Path marker(Job job) {
        JobRecord r = sm.store().loadJob("s1", job.getJobId()).orElseThrow();
        return sm.store().markerDirectory("s1").resolve(r.data(CompletionMarker.DRIVER_DATA_KEY));
    }

    private static void write(Path marker, String text) throws Exception {
        Path tmp = marker.resolveSibling("." + marker.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, marker);
    }

    private static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long cap = System.nanoTime() + CAP.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < cap, "safety cap reached waiting for " + what);
            Thread.sleep(10);
        }
    }

    private Connection c(Job job) {
        return ((GenericJobSession) js).connection();
    }

    /**
     * Opens the session with its poll on a manual clock (fast interval 1 s, slow 10 s), its jobs
     * writing markers and the scheduler reporting details (slots, start time) with an end.
     */
    private ManualClock openWithMarkersAndDetails() {
        ManualClock clock = new ManualClock();
        open(TinyBackend.all(), 1000, 10_000, clock);
        backend.markers = true;
        backend.details = true;
        return clock;
    }

    @Test
    void markerWakesEveryWaiter_andTheSchedulerIsAskedNothing() throws Exception {
        open(TinyBackend.all(), FROZEN, FROZEN);
        backend.markers = true;
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) jobs.add(js.runJob(ECHO));
        List<CompletableFuture<Job>> waiters = new ArrayList<>();
        for (Job j : jobs) {
            for (int w = 0; w < 5; w++) waiters.add(CompletableFuture.supplyAsync(() -> j.waitTerminated(CAP)));
        }
        CompletableFuture<Job> any = CompletableFuture.supplyAsync(() -> js.waitAnyTerminated(jobs, CAP));
        until(() -> ((GenericJobSession) js).connection().board().waiters() == waiters.size() + 1, "every waiter waiting");
        for (int i = 0; i < jobs.size(); i++) write(marker(jobs.get(i)), "exit=" + (i + 2) + "\nsignal=0\nend=1796543868\n");
        for (CompletableFuture<Job> w : waiters) w.get(CAP.toSeconds(), TimeUnit.SECONDS);
        any.get(CAP.toSeconds(), TimeUnit.SECONDS);
        for (int i = 0; i < jobs.size(); i++) {
            assertEquals(JobState.FAILED, jobs.get(i).getState());
            assertEquals(i + 2, c(jobs.get(i)).board().get(jobs.get(i).getJobId()).getExitStatus());
        }
        assertEquals(List.of(), backend.statusCalls, "no status call: the markers woke the waiters, getState is theirs");
    }

    @Test
    void theSchedulerConfirmsTheEnd_itsAnswerStands_theMarkerGoes() throws Exception {
        open(TinyBackend.all(), FROZEN, 100);
        backend.markers = true;
        Job job = js.runJob(ECHO);
        Path m = marker(job);
        write(m, "exit=0\nsignal=0\nend=1796543868\n");
        job.waitTerminated(CAP);
        assertEquals(JobState.DONE, job.getState(), "the marker's end, until the scheduler says otherwise");
        backend.set(job.getJobId(), JobState.FAILED);
        until(() -> !Files.exists(m), "the scheduler's confirmation");
        until(() -> job.getState() == JobState.FAILED, "the scheduler's answer");
        assertEquals(1, job.getJobInfo().getExitStatus(), "the scheduler wins");
        until(() -> sm.store().loadJob("s1", job.getJobId()).orElseThrow().data(CompletionMarker.DRIVER_DATA_KEY) == null, "the record's marker name removed");
        assertTrue(c(job).liveRecords().isEmpty(), "confirmed: the poll asks about it no more");
    }

    @Test
    void getJobInfoOfAMarkerEndedJob_isTheSchedulersAnswer_fromThePollThatConfirmsIt() throws Exception {
        ManualClock clock = openWithMarkersAndDetails();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) jobs.add(js.runJob(ECHO));
        List<CompletableFuture<Job>> waiters = new ArrayList<>();
        for (Job j : jobs) {
            for (int w = 0; w < 2; w++) waiters.add(CompletableFuture.supplyAsync(() -> j.waitTerminated(CAP)));
        }
        until(() -> c(jobs.get(0)).board().waiters() == waiters.size(), "every waiter waiting");
        for (Job j : jobs) write(marker(j), "exit=0\nsignal=0\nstart=1796543860\nend=1796543868\ncpu=2.5\n");
        for (CompletableFuture<Job> w : waiters) w.get(CAP.toSeconds(), TimeUnit.SECONDS);
        for (Job j : jobs) assertEquals(JobState.DONE, j.getState(), "the marker's end");
        assertEquals(List.of(), backend.statusCalls, "the markers woke the waiters and getState asked nothing");

        for (Job j : jobs) backend.set(j.getJobId(), JobState.DONE);
        List<Job> done = js.getJobs(JobInfo.builder().jobState(JobState.DONE).slots(1L).queueName("tiny").build());
        assertEquals(jobs, done, "a filter on values only the scheduler knows matches once it confirmed the ends");
        for (Job j : jobs) {
            JobInfo i = j.getJobInfo();
            assertEquals(JobState.DONE, i.getJobState());
            assertEquals(0, i.getExitStatus());
            assertEquals(1L, i.getSlots(), "the scheduler's slots");
            assertEquals(TinyBackend.DISPATCH, i.getDispatchTime(), "the scheduler's start");
            assertEquals(List.of("node1"), i.getAllocatedMachines());
            assertEquals("tiny", i.getQueueName());
            assertEquals("F", i.getJobSubState(), "the scheduler's state word");
            assertEquals(TinyBackend.FINISH, i.getFinishTime(), "the scheduler's end, not the marker's");
            assertNull(i.getCpuTime(), "nothing of the marker's own: the scheduler answered");
            assertNull(i.getWallclockTime());
        }
        List<String> ids = jobs.stream().map(Job::getJobId).sorted().toList();
        assertEquals(List.of(ids), backend.statusCalls, "one batched status call, the one that confirms the ends anyway");
    }

    @Test
    void getJobInfo_waitsThroughAnAnswerThatStillShowsTheJobRunning_atThePollsOwnPace() throws Exception {
        ManualClock clock = openWithMarkersAndDetails();
        Job job = js.runJob(ECHO);
        write(marker(job), "exit=0\nsignal=0\nend=1796543868\n");
        assertEquals(job, job.waitTerminated(CAP));
        backend.set(job.getJobId(), JobState.RUNNING); // the scheduler has not processed the end yet
        BatchedPoller poller = c(job).poller();
        CompletableFuture<JobInfo> info = CompletableFuture.supplyAsync(job::getJobInfo);
        until(() -> poller.ticksEnded() == 1, "the first poll");
        assertEquals(JobState.DONE, job.getState(), "a terminal state is never replaced by a running one");
        backend.set(job.getJobId(), JobState.DONE);
        clock.advance(Duration.ofMillis(1000));
        JobInfo i = info.get(CAP.toSeconds(), TimeUnit.SECONDS);
        assertEquals(TinyBackend.FINISH, i.getFinishTime(), "the confirming answer's");
        assertEquals(1L, i.getSlots());
        assertEquals("F", i.getJobSubState());
        assertEquals(2, backend.statusCalls.size(), "one status call per fast interval, until the end is confirmed");
    }

    @Test
    void getJobInfo_givesTheMarkersEnd_whenTheSchedulerDoesNotConfirmItWithinTheCap() throws Exception {
        ManualClock clock = openWithMarkersAndDetails();
        Job job = js.runJob(ECHO);
        write(marker(job), "exit=3\nsignal=0\nend=1796543868\n");
        assertEquals(job, job.waitTerminated(CAP));
        backend.scheduler.remove(job.getJobId()); // purged: the scheduler says nothing of it
        BatchedPoller poller = c(job).poller();
        CompletableFuture<JobInfo> info = CompletableFuture.supplyAsync(job::getJobInfo);
        until(() -> poller.ticksEnded() == 1, "the first poll");
        clock.advance(Duration.ofMillis(1000L * Connection.CONFIRM_CAP_FAST_INTERVALS));
        JobInfo i = info.get(CAP.toSeconds(), TimeUnit.SECONDS);
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus(), "the marker's end");
        assertEquals(java.time.Instant.ofEpochSecond(1796543868), i.getFinishTime());
        assertNull(i.getSlots(), "nothing the scheduler did not say");
        assertTrue(c(job).markers().awaitsConfirmation(c(job).record(job.getJobId())), "still in the poll");
    }

    @Test
    void aJobThatRanToItsEndWithoutAMarker_showsTheDirectoryUnseen_andWaitsPollAgain() throws Exception {
        open(TinyBackend.all(), 50, FROZEN);
        backend.markers = true;
        Job first = js.runJob(ECHO);
        backend.set(first.getJobId(), JobState.DONE);
        until(() -> first.getState() == JobState.DONE, "the poll to see the first job's end");
        Connection c = ((GenericJobSession) js).connection();
        Job second = js.runJob(ECHO);
        assertFalse(c.markers().covers(second.getJobId()), "the session's markers are known not to arrive");
        backend.set(second.getJobId(), JobState.DONE);
        assertEquals(second, second.waitTerminated(CAP), "the poll, made fast by the waiter, finds the end");
        assertTrue(!backend.statusCalls.isEmpty());
    }

    @Test
    void aJobTerminatedThroughTheApi_isFoundByThePoll() {
        open(TinyBackend.all(), FROZEN, FROZEN);
        backend.markers = true;
        Job job = js.runJob(ECHO);
        Connection c = ((GenericJobSession) js).connection();
        assertTrue(c.markers().covers(job.getJobId()));
        job.terminate();
        assertFalse(c.markers().covers(job.getJobId()), "a cancelled job writes no marker");
        assertEquals(job, job.waitTerminated(CAP));
        assertEquals(JobState.FAILED, job.getState());
    }
}
