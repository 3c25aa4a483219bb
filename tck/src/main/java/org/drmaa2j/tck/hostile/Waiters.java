// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Job;
import org.drmaa2j.JobState;

/**
 * Threads that wait for jobs while others are still submitting: each job handed over is waited
 * for with {@link Job#waitTerminated(Duration)} by one of them, and its final state recorded.
 */
public final class Waiters {
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Map<String, JobState> ended = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final int threads;
    private final Duration perJob;
    private final List<String> errors;

    /**
     * @param threads waiting threads
     * @param perJob how long one wait may take
     * @param errors where a failed wait is described
     */
    public Waiters(int threads, Duration perJob, List<String> errors) {
        this.threads = threads;
        this.perJob = perJob;
        this.errors = errors;
        this.pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) pool.execute(this::waitLoop);
    }

    /** @param j a submitted job to wait for */
    public void add(Job j) {
        queue.add(j);
    }

    /**
     * Lets the waiters finish the jobs handed over so far and stops them.
     *
     * @return each job's id and the state it ended in
     * @throws InterruptedException if interrupted
     */
    public Map<String, JobState> finish() throws InterruptedException {
        for (int i = 0; i < threads; i++) queue.add(Boolean.FALSE);
        pool.shutdown();
        if (!pool.awaitTermination(perJob.toMillis() * 2, TimeUnit.MILLISECONDS)) {
            errors.add("waiters did not finish within " + perJob.multipliedBy(2));
            pool.shutdownNow();
        }
        return Map.copyOf(ended);
    }

    private void waitLoop() {
        try {
            while (true) {
                Object o = queue.take();
                if (!(o instanceof Job j)) return;
                try {
                    j.waitTerminated(perJob);
                    ended.put(j.getJobId(), j.getState());
                } catch (RuntimeException e) {
                    errors.add("waiting for " + j.getJobId() + ": " + e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
