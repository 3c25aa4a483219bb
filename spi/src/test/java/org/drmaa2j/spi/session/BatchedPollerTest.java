package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
