// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
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
            assertEquals(i + 2, jobs.get(i).getJobInfo().getExitStatus());
        }
        assertEquals(List.of(), backend.statusCalls, "no status call: the markers woke the waiters");
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
