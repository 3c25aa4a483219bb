// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.WaitTimeoutException;

/**
 * One daemon thread that completes futures: a task's future as soon as its outcome file appears, and
 * every future of a job that ended without writing one, with how the job ended and its stderr tail.
 * Ended jobs are reaped once all their futures are complete.
 */
final class JobWatcher {
    private static final System.Logger LOG = System.getLogger(JobWatcher.class.getName());
    private static final Duration TICK = Duration.ofMillis(300);

    private record Watched(Job job, Path stderr, List<ClusterFuture<?>> futures) {
    }

    private final JobSession session;
    private final TaskCache cache;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    JobWatcher(JobSession session, TaskCache cache) {
        this.session = session;
        this.cache = cache;
        thread = new Thread(this::loop, "drmaa2j-executor-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void watch(Job job, Path stderr, List<? extends ClusterFuture<?>> futures) {
        watched.computeIfAbsent(job.getJobId(), id -> new Watched(job, stderr, new CopyOnWriteArrayList<>()))
                .futures().addAll(futures);
        synchronized (this) {
            notifyAll();
        }
    }

    /** @return the watched job with that id, if any */
    Optional<Job> job(String jobId) {
        Watched w = jobId == null ? null : watched.get(jobId);
        return w == null ? Optional.empty() : Optional.of(w.job());
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    /**
     * Waits until every watched job has ended and been reaped: a task's future completes when its
     * result is written, a moment before its job ends.
     *
     * @param cap at most how long to wait; jobs still running then run on
     * @return true if no watched job is left
     * @throws InterruptedException if interrupted
     */
    boolean awaitJobsEnded(Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        synchronized (this) {
            while (!watched.isEmpty() && !stopped && thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return watched.isEmpty();
    }

    /** @return the ids of the jobs still watched */
    List<String> watchedJobIds() {
        return List.copyOf(watched.keySet());
    }

    private void loop() {
        while (!stopped) {
            try {
                tick();
            } catch (InvalidSessionException e) {
                return;
            } catch (RuntimeException e) {
                if (stopped) return;
                LOG.log(System.Logger.Level.WARNING, "executor watcher: " + e, e);
                try {
                    dropUnknownJobs();
                } catch (InvalidSessionException closed) {
                    return;
                }
                pause();
            }
        }
    }

    /** @return true while the watcher's thread runs */
    boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * @param millis at most how long to wait for the watcher's thread to end
     * @throws InterruptedException if interrupted
     */
    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private void tick() {
        List<Job> jobs = new ArrayList<>();
        for (Watched w : watched.values()) {
            for (ClusterFuture<?> f : w.futures()) {
                if (!f.isDone() && cache.hasOutcome(f.getKey())) complete(cache, f, w.job().getJobId(), w.stderr());
            }
            if (w.futures().stream().allMatch(ClusterFuture::isDone) && w.job().getState().isTerminal()) {
                forget(w);
            } else {
                jobs.add(w.job());
            }
        }
        if (jobs.isEmpty()) {
            pause();
            return;
        }
        Job ended;
        try {
            ended = session.waitAnyTerminated(jobs, TICK);
        } catch (WaitTimeoutException e) {
            return;
        }
        Watched w = watched.get(ended.getJobId());
        if (w == null) return;
        for (ClusterFuture<?> f : w.futures()) {
            if (!f.isDone()) complete(cache, f, ended.getJobId(), w.stderr(), ended.getJobInfo());
        }
        forget(w);
    }

    /** Completes the futures of jobs the session no longer knows (reaped elsewhere), so that the loop cannot spin on them. */
    private void dropUnknownJobs() {
        for (Watched w : watched.values()) {
            try {
                w.job().getState();
            } catch (InvalidSessionException e) {
                throw e;
            } catch (Drmaa2Exception e) {
                for (ClusterFuture<?> f : w.futures()) {
                    if (f.isDone()) continue;
                    if (cache.hasOutcome(f.getKey())) {
                        complete(cache, f, w.job().getJobId(), w.stderr());
                    } else {
                        fail(f, new TaskFailedException(f.getKey(), w.job().getJobId(), "task " + f.getKey() + ": job "
                                + w.job().getJobId() + " cannot be watched any more: " + e.getMessage(), TaskCache.tail(w.stderr()), null));
                    }
                }
                unwatch(w);
            }
        }
    }

    /** Reaps the job, then stops watching it: {@link #awaitJobsEnded} returns only after the reap is recorded. */
    private void forget(Watched w) {
        try {
            w.job().reap();
        } catch (Drmaa2Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot reap job " + w.job().getJobId() + ": " + e.getMessage());
        }
        unwatch(w);
    }

    private void unwatch(Watched w) {
        watched.remove(w.job().getJobId());
        synchronized (this) {
            notifyAll();
        }
    }

    private synchronized void pause() {
        try {
            wait(TICK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Completes a future from its outcome file, which exists. */
    static void complete(TaskCache cache, ClusterFuture<?> f, String jobId, Path stderr) {
        complete(cache, f, jobId, stderr, null);
    }

    /** Completes a future from its outcome file, or, when there is none, as failed by how its job ended. */
    @SuppressWarnings("unchecked")
    static void complete(TaskCache cache, ClusterFuture<?> f, String jobId, Path stderr, JobInfo ended) {
        String key = f.getKey();
        Optional<Outcome> outcome;
        try {
            outcome = cache.readOutcome(key);
        } catch (IOException | UnsafeCacheException e) {
            fail(f, new TaskFailedException(key, jobId, "task " + key + " (job " + jobId + "): " + e.getMessage(),
                    TaskCache.tail(stderr), e));
            return;
        }
        if (outcome.isPresent() && outcome.get().succeeded()) {
            ((ClusterFuture<Object>) f).completion().complete(outcome.get().value);
        } else if (outcome.isPresent()) {
            Throwable error = outcome.get().error;
            fail(f, new TaskFailedException(key, jobId, "task " + key + " (job " + jobId + ") threw " + error,
                    TaskCache.tail(stderr), error));
        } else {
            fail(f, new TaskFailedException(key, jobId, "task " + key + ": job " + jobId + " ended "
                    + describe(ended) + " without a result", TaskCache.tail(stderr), null));
        }
    }

    static void fail(ClusterFuture<?> f, Throwable why) {
        f.completion().completeExceptionally(why);
    }

    private static String describe(JobInfo i) {
        if (i == null) return "";
        StringBuilder sb = new StringBuilder(String.valueOf(i.getJobState()));
        if (i.getExitStatus() != null) sb.append(", exit status ").append(i.getExitStatus());
        if (i.getTerminatingSignal() != null) sb.append(", signal ").append(i.getTerminatingSignal());
        if (i.getJobSubState() != null) sb.append(", ").append(i.getJobSubState());
        if (i.getAnnotation() != null && !i.getAnnotation().isBlank()) sb.append(" (").append(i.getAnnotation()).append(')');
        return sb.toString();
    }
}
