// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs one step for every case on a fixed number of threads, within a time bound. */
public final class Parallel {
    private Parallel() {
    }

    /**
     * @param items the items, taken in order by whichever thread is free
     * @param threads how many threads
     * @param limit the time bound for all of them
     * @param step what to do with one item; it must not throw
     * @param <T> the item type
     * @return how many items were done; fewer than {@code items.size()} when the bound was hit
     * @throws InterruptedException if interrupted while waiting
     */
    public static <T> int forEach(List<T> items, int threads, Duration limit, Consumer<T> step) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < items.size()) {
                        step.accept(items.get(i));
                        done.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(limit.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            return done.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
