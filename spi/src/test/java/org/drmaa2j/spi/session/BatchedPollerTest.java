// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The poller's intervals on a clock the test moves: every figure here is exact, whatever the load of
 * the machine. After each event the test waits until the poller is back waiting on the clock.
 */
class BatchedPollerTest {
    private static final JobRecord JOB = new JobRecord("1", "s", null, 1, JobTemplate.builder("/bin/true").build(),
            JobInfo.builder().jobId("1").jobState(JobState.QUEUED).build(), null);
    private static final Duration FAST = Duration.ofMillis(200);
    private static final Duration SLOW = Duration.ofMinutes(1);

    private final ManualClock clock = new ManualClock();
    /** The clock's time of every status call. */
    private final List<Long> calls = new CopyOnWriteArrayList<>();

    private BatchedPoller poller(Duration fast, Duration slow, int waiters) throws InterruptedException {
        BatchedPoller p = new BatchedPoller("test-poller", () -> List.of(JOB), jobs -> {
            calls.add(clock.nanoTime());
            return Map.of();
        }, (info, asOf) -> { }, () -> waiters, fast, slow, clock);
        clock.awaitWaits(1);
        return p;
    }

    /** Runs one event and waits until the poller has reacted and waits again. */
    private void then(Runnable event) throws InterruptedException {
        long w = clock.waits();
        event.run();
        clock.awaitWaits(w + 1);
    }

    @Test
    void kicks_fromManyWaiters_neverCallMoreThanOncePerFastInterval() throws Exception {
        try (BatchedPoller p = poller(FAST, SLOW, 1)) {
            then(p::kick);
            assertEquals(1, calls.size(), "the first kick calls at once");
            for (int i = 0; i < 50; i++) then(p::kick);
            assertEquals(1, calls.size(), "50 kicks within the fast interval: no further call");
            then(() -> clock.advance(FAST.minusMillis(1)));
            assertEquals(1, calls.size(), "not before the fast interval has passed");
            then(() -> clock.advance(Duration.ofMillis(1)));
            assertEquals(2, calls.size(), "one call once it has passed");
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 10; i++) {
                    then(p::kick);
                    then(() -> clock.advance(Duration.ofMillis(10)));
                }
                then(() -> clock.advance(FAST));
            }
        }
        for (int i = 1; i < calls.size(); i++) {
            long gap = calls.get(i) - calls.get(i - 1);
            assertTrue(gap >= FAST.toNanos(), "calls " + (i - 1) + " and " + i + " were " + gap / 1_000_000 + " ms apart");
        }
        assertTrue(calls.size() <= 2 + 5 * 2, "at most one call per fast interval: " + calls.size());
    }

    @Test
    void waiting_pollsAtTheFastInterval() throws Exception {
        try (BatchedPoller p = poller(FAST, SLOW, 1)) {
            for (int i = 0; i < 10; i++) then(() -> clock.advance(FAST));
        }
        assertEquals(10, calls.size(), "one call per fast interval while someone waits");
    }

    @Test
    void firstKick_afterAQuietSpell_callsAtOnce() throws Exception {
        try (BatchedPoller p = poller(FAST, SLOW, 0)) {
            then(() -> clock.advance(Duration.ofMillis(300)));
            assertTrue(calls.isEmpty(), "no call before the slow interval without a kick");
            long kicked = clock.nanoTime();
            then(p::kick);
            assertEquals(List.of(kicked), calls, "a kick after a quiet spell calls at once, not after the slow interval");
            then(() -> clock.advance(SLOW.minusMillis(1)));
            assertEquals(1, calls.size(), "idle: nothing until the slow interval");
            then(() -> clock.advance(Duration.ofMillis(1)));
            assertEquals(2, calls.size(), "idle: one call per slow interval");
        }
    }

    @Test
    void callsOnTheCallersThread_postponeTheLoop() throws Exception {
        Duration interval = Duration.ofMillis(600);
        try (BatchedPoller p = poller(interval, interval, 1)) {
            for (int i = 0; i < 8; i++) { // direct calls 100 ms apart for 0.7 s, past the loop's first 600 ms
                p.tick();
                then(() -> clock.advance(Duration.ofMillis(100)));
            }
            assertEquals(8, calls.size(), "the loop waits a whole interval after any call");
            then(() -> clock.advance(Duration.ofMillis(500)));
            assertEquals(9, calls.size(), "and calls once the interval after the last one has passed");
        }
    }

    @Test
    void callersDuringARunningTick_shareItsFailure_insteadOfQueueingMoreCalls() throws Exception {
        JobRecord r = new JobRecord("1", "s", null, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId("1").jobState(JobState.RUNNING).build(), Map.of());
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger statusCalls = new AtomicInteger();
        DrmCommunicationException down = new DrmCommunicationException("squeue: Unable to contact slurm controller");
        try (BatchedPoller p = new BatchedPoller("t", () -> List.of(r), jobs -> {
            statusCalls.incrementAndGet();
            entered.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw down;
        }, (i, t) -> { }, () -> 0, Duration.ofHours(1), Duration.ofHours(1), clock)) {
            List<FutureTask<List<JobRecord>>> ticks = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                FutureTask<List<JobRecord>> f = new FutureTask<>(p::tick);
                Thread t = new Thread(f, "caller-" + i);
                ticks.add(f);
                threads.add(t);
                t.start();
                if (i == 0) assertTrue(entered.await(5, TimeUnit.MINUTES), "the first caller's status call started");
            }
            // the other two callers are parked on the running tick (not yet in a call of their own)
            for (Thread t : threads.subList(1, 3)) awaitParked(t);
            release.countDown();
            for (FutureTask<List<JobRecord>> f : ticks) {
                ExecutionException e = assertThrows(ExecutionException.class, f::get);
                assertSame(down, e.getCause());
            }
            assertEquals(1, statusCalls.get(), "one status call for three callers");
        }
    }

    /** Waits until a thread is parked (WAITING), with a safety cap far above any machine's need. */
    private static void awaitParked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (t.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(t.getName() + " never parked: " + t.getState());
            Thread.sleep(1);
        }
    }
}
