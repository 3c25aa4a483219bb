// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.MonotonicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread per connection that asks the backend about ALL live jobs in ONE call per tick
 * and publishes the answers. The interval adapts: {@code fast} while any thread waits on the
 * connection's board, {@code slow} otherwise; a waiter arriving {@link #kick() kicks} the poller so
 * the first answer comes at once. Kicks never make the poller call more often than once per
 * {@code fast} interval, however many waiters arrive. Ticks with no live jobs make no call at all.
 */
public final class BatchedPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchedPoller.class);
    private final Supplier<List<JobRecord>> live;
    private final Function<List<JobRecord>, Map<String, JobInfo>> status;
    private final BiConsumer<Collection<JobInfo>, Long> publish;
    private final IntSupplier waiters;
    private final Duration fast;
    private final Duration slow;
    private final MonotonicClock clock;
    private final Thread thread;
    private final Object tickLock = new Object();
    /** The tick in progress, or null; guarded by tickLock. */
    private CompletableFuture<List<JobRecord>> inFlight;
    private boolean kicked;
    private volatile boolean running = true;
    private volatile long ticks;
    /** The clock's time when the last status call started, on any thread. */
    private volatile long lastCall;
    /** Guards {@link #ended}; notified as each tick ends. */
    private final Object endedLock = new Object();
    /** How many ticks have ended (answered, failed, or had no live job to ask about). Guarded by endedLock. */
    private long ended;

    /**
     * @param name thread name
     * @param live the live jobs of the connection, asked each tick
     * @param status the backend's batched status call
     * @param publish where a call's answers go, all together, with the {@link System#nanoTime()} at which
     *        the call started, so that an answer older than news pushed meanwhile can be dropped
     * @param waiters how many threads wait now
     * @param fast the interval while someone waits
     * @param slow the interval otherwise
     */
    public BatchedPoller(String name, Supplier<List<JobRecord>> live, Function<List<JobRecord>, Map<String, JobInfo>> status,
                         BiConsumer<Collection<JobInfo>, Long> publish, IntSupplier waiters, Duration fast, Duration slow) {
        this(name, live, status, publish, waiters, fast, slow, MonotonicClock.SYSTEM);
    }

    /**
     * @param name thread name
     * @param live the live jobs of the connection, asked each tick
     * @param status the backend's batched status call
     * @param publish where a call's answers go, all together, with the clock's time at which the call
     *        started, so that an answer older than news pushed meanwhile can be dropped
     * @param waiters how many threads wait now
     * @param fast the interval while someone waits
     * @param slow the interval otherwise
     * @param clock the time source for the intervals ({@link MonotonicClock#SYSTEM} but in tests)
     */
    public BatchedPoller(String name, Supplier<List<JobRecord>> live, Function<List<JobRecord>, Map<String, JobInfo>> status,
                         BiConsumer<Collection<JobInfo>, Long> publish, IntSupplier waiters, Duration fast, Duration slow,
                         MonotonicClock clock) {
        this.clock = clock;
        this.lastCall = clock.nanoTime() - Long.MAX_VALUE / 4;
        this.live = live;
        this.status = status;
        this.publish = publish;
        this.waiters = waiters;
        this.fast = fast;
        this.slow = slow;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Polls as soon as possible, but no sooner than one fast interval after the previous status call. */
    public synchronized void kick() {
        kicked = true;
        notifyAll();
    }

    /** @return how many status calls were made so far */
    public long ticks() {
        return ticks;
    }

    /**
     * Polls once now, on the calling thread. A call made while another tick runs waits for that
     * tick and shares its outcome (its answers, or its failure) instead of queueing a second call:
     * when the scheduler does not answer, every caller fails after one retry budget, not one
     * budget per caller in the queue.
     *
     * @return the jobs asked about
     * @throws RuntimeException whatever the backend's status call throws
     */
    public List<JobRecord> tick() {
        CompletableFuture<List<JobRecord>> mine;
        CompletableFuture<List<JobRecord>> other;
        synchronized (tickLock) {
            other = inFlight;
            mine = other == null ? (inFlight = new CompletableFuture<>()) : null;
        }
        if (other != null) return joinRunning(other);
        try {
            List<JobRecord> jobs = live.get();
            if (!jobs.isEmpty()) {
                ticks++;
                lastCall = clock.nanoTime();
                org.drmaa2j.spi.exec.CommandMetrics.recordStatusTick();
                long asOf = clock.nanoTime();
                Map<String, JobInfo> answers = status.apply(jobs);
                publish.accept(answers.values(), asOf);
            }
            mine.complete(jobs);
            return jobs;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (tickLock) {
                inFlight = null;
            }
            synchronized (endedLock) {
                ended++;
                endedLock.notifyAll();
            }
        }
    }

    /** @return the time source of the intervals */
    public MonotonicClock clock() {
        return clock;
    }

    /** @return how many ticks have ended so far, their answers published; the argument of {@link #awaitTickAfter} */
    public long ticksEnded() {
        synchronized (endedLock) {
            return ended;
        }
    }

    /**
     * Waits until a tick ends after the {@code seen}-th (its answers published), on the poller's
     * thread or any other. Asks for no poll itself: {@link #kick()} first to have one soon.
     *
     * @param seen a value of {@link #ticksEnded()} read earlier
     * @param deadline the {@link #clock() clock}'s time at which to give up
     * @return true when such a tick ended, false when the deadline passed or the poller was closed first
     * @throws InterruptedException if interrupted
     */
    public boolean awaitTickAfter(long seen, long deadline) throws InterruptedException {
        synchronized (endedLock) {
            while (ended <= seen) {
                if (!running) return false;
                long left = deadline - clock.nanoTime();
                if (left <= 0) return false;
                clock.timedWait(endedLock, left);
            }
            return true;
        }
    }

    private static List<JobRecord> joinRunning(CompletableFuture<List<JobRecord>> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("status query failed: {}", e.toString());
        }
    }

    private void loop() {
        long lastAttempt = clock.nanoTime();
        while (running) {
            synchronized (this) {
                while (running) {
                    long interval = (waiters.getAsInt() > 0 ? fast : slow).toNanos();
                    long due = (lastCall - lastAttempt > 0 ? lastCall : lastAttempt) + interval;
                    if (kicked) {
                        long soonest = lastCall + Math.min(interval, fast.toNanos());
                        if (soonest - due < 0) due = soonest;
                    }
                    long left = due - clock.nanoTime();
                    if (left <= 0) break;
                    try {
                        clock.timedWait(this, left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                kicked = false;
            }
            lastAttempt = clock.nanoTime();
            if (running) safeTick();
        }
    }

    /** Stops the thread. */
    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        synchronized (endedLock) {
            endedLock.notifyAll();
        }
    }
}
