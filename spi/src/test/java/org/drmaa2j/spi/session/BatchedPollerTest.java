// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

class BatchedPollerTest {
    private static final JobRecord JOB = new JobRecord("1", "s", null, 1, JobTemplate.builder("/bin/true").build(),
            JobInfo.builder().jobId("1").jobState(JobState.QUEUED).build(), null);

    private final List<Long> calls = new CopyOnWriteArrayList<>();

    private BatchedPoller poller(Duration fast, Duration slow) {
        return poller(fast, slow, 1);
    }

    private BatchedPoller poller(Duration fast, Duration slow, int waiters) {
        return new BatchedPoller("test-poller", () -> List.of(JOB), jobs -> {
            calls.add(System.nanoTime());
            return Map.of();
        }, (info, asOf) -> { }, () -> waiters, fast, slow);
    }

    @Test
    void kicks_fromManyWaiters_neverCallMoreThanOncePerFastInterval() throws Exception {
        Duration fast = Duration.ofMillis(200);
        try (BatchedPoller p = poller(fast, Duration.ofMinutes(1))) {
            long end = System.nanoTime() + Duration.ofMillis(1000).toNanos();
            while (System.nanoTime() < end) {
                p.kick();
                Thread.sleep(5);
            }
        }
        assertTrue(calls.size() >= 2, "kicks make the poller call: " + calls.size());
        assertTrue(calls.size() <= 6, "at most one call per fast interval, 1 s of kicks every 5 ms: " + calls.size());
        for (int i = 1; i < calls.size(); i++) {
            long gap = calls.get(i) - calls.get(i - 1);
            assertTrue(gap >= fast.toNanos() - Duration.ofMillis(5).toNanos(), "calls " + (i - 1) + " and " + i
                    + " were " + gap / 1_000_000 + " ms apart");
        }
    }

    @Test
    void firstKick_afterAQuietSpell_callsAtOnce() throws Exception {
        try (BatchedPoller p = poller(Duration.ofMillis(200), Duration.ofMinutes(1), 0)) {
            Thread.sleep(300);
            assertTrue(calls.isEmpty(), "no call before the slow interval without a kick");
            long kicked = System.nanoTime();
            p.kick();
            long deadline = kicked + Duration.ofSeconds(10).toNanos();
            while (calls.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(!calls.isEmpty(), "a kick after a quiet spell calls without waiting for the slow interval");
        }
    }

    @Test
    void callsOnTheCallersThread_postponeTheLoop() throws Exception {
        Duration fast = Duration.ofMillis(600);
        try (BatchedPoller p = poller(fast, fast)) {
            for (int i = 0; i < 8; i++) { // direct calls 100 ms apart for 0.7 s, past the loop's first 600 ms
                p.tick();
                Thread.sleep(100);
            }
        }
        assertTrue(calls.size() == 8, "the loop waits a whole interval after any call: " + calls.size() + " calls");
    }

    @Test
    void callersDuringARunningTick_shareItsFailure_insteadOfQueueingMoreCalls() throws Exception {
        JobRecord r = new JobRecord("1", "s", null, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId("1").jobState(JobState.RUNNING).build(), Map.of());
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        DrmCommunicationException down = new DrmCommunicationException("squeue: Unable to contact slurm controller");
        try (BatchedPoller p = new BatchedPoller("t", () -> List.of(r), jobs -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw down;
        }, (i, t) -> { }, () -> 0, Duration.ofHours(1), Duration.ofHours(1))) {
            ExecutorService ex = Executors.newFixedThreadPool(3);
            try {
                Future<?> first = ex.submit(p::tick);
                entered.await(10, TimeUnit.SECONDS);
                Future<?> second = ex.submit(p::tick);
                Future<?> third = ex.submit(p::tick);
                Thread.sleep(200);
                release.countDown();
                for (Future<?> f : List.of(first, second, third)) {
                    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
                    assertSame(down, e.getCause());
                }
                assertEquals(1, calls.get(), "one status call for three callers");
            } finally {
                ex.shutdownNow();
            }
        }
    }
}
