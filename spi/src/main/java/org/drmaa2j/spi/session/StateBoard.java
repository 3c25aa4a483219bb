// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.drmaa2j.InternalException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;

/**
 * The latest {@link JobInfo} of every job of one connection, and the place waiters block on. A
 * waiter names the jobs it waits for and parks on a condition of its own; an update that changes a
 * job wakes the waiters of that job (and those that wait for any change), once for a whole poll's
 * answers, and they re-check their own predicate, so waits never spin and never poll the scheduler
 * themselves. A thousand threads, each waiting for its own job, wake once each as their own job ends,
 * not once for every job that ends. A terminal state is never replaced by a non-terminal one (a late
 * poll result cannot bring a finished job back to life).
 */
public final class StateBoard {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, List<Condition>> waitingFor = new HashMap<>();
    private final List<Condition> waitingForAny = new ArrayList<>();
    private long signals;
    private final Map<String, JobInfo> infos = new HashMap<>();
    private final Map<String, Long> updated = new HashMap<>();
    private final List<BiConsumer<JobInfo, JobInfo>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> waiterListeners = new CopyOnWriteArrayList<>();
    private int waiters;

    /**
     * @param listener told {@code (old, new)} after every accepted update, outside the board's lock;
     *        old is null for a job's first information
     */
    public void addListener(BiConsumer<JobInfo, JobInfo> listener) {
        listeners.add(listener);
    }

    /** @param listener run whenever a waiter starts waiting, for example to poll at once */
    public void addWaiterListener(Runnable listener) {
        waiterListeners.add(listener);
    }

    /**
     * @param jobId a job id
     * @return its latest information, or null
     */
    public JobInfo get(String jobId) {
        lock.lock();
        try {
            return infos.get(jobId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param jobId a job id
     * @return nanoseconds since its last update; {@link Long#MAX_VALUE} when unknown
     */
    public long ageNanos(String jobId) {
        lock.lock();
        try {
            Long t = updated.get(jobId);
            return t == null ? Long.MAX_VALUE : System.nanoTime() - t;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param jobId a job id
     * @return the {@link System#nanoTime()} of its last update, or {@link Long#MIN_VALUE}
     */
    public long updatedAt(String jobId) {
        lock.lock();
        try {
            return updated.getOrDefault(jobId, Long.MIN_VALUE);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records new information and wakes every waiter.
     *
     * @param info the information; its job id is the key
     * @return true when accepted, false when it would have replaced a terminal state
     */
    public boolean put(JobInfo info) {
        return !putAll(List.of(info)).isEmpty();
    }

    /**
     * Records the information of many jobs (one poll's answers) under one lock, then wakes the waiters
     * of the jobs that changed, once each: a waiter of many jobs wakes once per poll, not once per job.
     *
     * @param batch the information; each one's job id is its key
     * @return those accepted (a terminal state is never replaced by a non-terminal one)
     */
    public List<JobInfo> putAll(Collection<JobInfo> batch) {
        List<JobInfo> olds = new ArrayList<>(batch.size());
        List<JobInfo> accepted = new ArrayList<>(batch.size());
        lock.lock();
        try {
            List<String> changed = new ArrayList<>();
            long now = System.nanoTime();
            for (JobInfo info : batch) {
                JobInfo old = infos.get(info.getJobId());
                if (old != null && old.getJobState() != null && old.getJobState().isTerminal()
                        && (info.getJobState() == null || !info.getJobState().isTerminal())) {
                    continue;
                }
                infos.put(info.getJobId(), info);
                updated.put(info.getJobId(), now);
                if (!info.equals(old)) changed.add(info.getJobId());
                olds.add(old);
                accepted.add(info);
            }
            if (!changed.isEmpty()) signal(changed);
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < accepted.size(); i++) {
            for (BiConsumer<JobInfo, JobInfo> l : listeners) l.accept(olds.get(i), accepted.get(i));
        }
        return accepted;
    }

    /**
     * Keeps a job's information but forgets when it was updated, so that it counts as stale until
     * the next update.
     *
     * @param jobId a job id
     */
    public void expire(String jobId) {
        lock.lock();
        try {
            updated.remove(jobId);
        } finally {
            lock.unlock();
        }
    }

    /** @param jobId a job to forget */
    public void remove(String jobId) {
        lock.lock();
        try {
            infos.remove(jobId);
            updated.remove(jobId);
            signalEveryone();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter so that it re-checks, for example because its session was closed. */
    public void wakeAll() {
        lock.lock();
        try {
            signalEveryone();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waiters of these jobs and those of any change; under the lock. */
    private void signal(Collection<String> jobIds) {
        for (String id : jobIds) {
            List<Condition> c = waitingFor.get(id);
            if (c != null) c.forEach(this::signal);
        }
        waitingForAny.forEach(this::signal);
    }

    private void signalEveryone() {
        waitingFor.values().forEach(c -> c.forEach(this::signal));
        waitingForAny.forEach(this::signal);
    }

    private void signal(Condition c) {
        signals++;
        c.signal();
    }

    /** @return how many times a waiter's condition was signalled so far (for tests) */
    long signals() {
        lock.lock();
        try {
            return signals;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many threads are waiting now */
    public int waiters() {
        lock.lock();
        try {
            return waiters;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until {@code test} returns non-null, re-checking after every change of any job.
     *
     * @param test evaluated under the board's lock after every update; returns the result or null
     * @param timeout {@link Timeouts#ZERO} to check once, infinite or negative to wait forever
     * @param checkOpen run before every check; throws to end the wait (a closed session)
     * @param what what is awaited, for the timeout message
     * @param <T> the result type
     * @return the first non-null result
     * @throws WaitTimeoutException if the time runs out first
     */
    public <T> T await(Supplier<T> test, Duration timeout, Runnable checkOpen, String what) {
        return await(null, test, timeout, checkOpen, what);
    }

    /**
     * Blocks until {@code test} returns non-null, re-checking after every change of the jobs awaited
     * (and when the board is woken: {@link #wakeAll}, a job removed).
     *
     * @param jobIds the jobs whose changes can make {@code test} true; null for any job
     * @param test evaluated under the board's lock after every update; returns the result or null
     * @param timeout {@link Timeouts#ZERO} to check once, infinite or negative to wait forever
     * @param checkOpen run before every check; throws to end the wait (a closed session)
     * @param what what is awaited, for the timeout message
     * @param <T> the result type
     * @return the first non-null result
     * @throws WaitTimeoutException if the time runs out first
     */
    public <T> T await(Collection<String> jobIds, Supplier<T> test, Duration timeout, Runnable checkOpen, String what) {
        boolean forever = Timeouts.isInfinite(timeout);
        long deadline = forever ? 0 : System.nanoTime() + timeout.toNanos();
        lock.lock();
        Condition mine = lock.newCondition();
        try {
            waiters++;
            register(jobIds, mine);
            boolean told = false;
            while (true) {
                checkOpen.run();
                T r = test.get();
                if (r != null) return r;
                long left = forever ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) throw new WaitTimeoutException("timed out after " + timeout + " waiting for " + what);
                if (!told) {
                    told = true;
                    lock.unlock();
                    try {
                        waiterListeners.forEach(Runnable::run);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                if (forever) mine.await();
                else mine.awaitNanos(Math.min(left, TimeUnit.DAYS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException("interrupted while waiting for " + what, e);
        } finally {
            unregister(jobIds, mine);
            waiters--;
            lock.unlock();
        }
    }

    private void register(Collection<String> jobIds, Condition c) {
        if (jobIds == null) {
            waitingForAny.add(c);
            return;
        }
        for (String id : jobIds) waitingFor.computeIfAbsent(id, k -> new ArrayList<>(1)).add(c);
    }

    private void unregister(Collection<String> jobIds, Condition c) {
        if (jobIds == null) {
            waitingForAny.remove(c);
            return;
        }
        for (String id : jobIds) {
            List<Condition> l = waitingFor.get(id);
            if (l == null) continue;
            l.remove(c);
            if (l.isEmpty()) waitingFor.remove(id);
        }
    }
}
