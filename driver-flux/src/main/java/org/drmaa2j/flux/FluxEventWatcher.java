// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.util.MonotonicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event-driven ends: a bounded set of daemon threads, each running ONE blocking
 * {@code flux job wait-event -v -f json -t SECONDS ID clean} at a time. Flux answers the moment
 * the job's {@code clean} event is posted, with every event of the job's eventlog (submit, alloc,
 * exception, finish with the wait status, clean); the watcher turns that into the job's final
 * {@link JobInfo} ({@link FluxEventlog#toJobInfo}) and hands it on, so a waiting thread is woken
 * without a poll and with the exact exit status.
 *
 * <p>Bounded: at most {@code threads} commands run at once whatever the number of jobs. Jobs wait
 * in a queue; a wait that times out after {@code slice} puts its job back at the end, so with more
 * live jobs than threads every job gets its turn. Jobs not being watched at a moment are still
 * covered by the batched poll, which stays the source of truth (and reports starts). With
 * {@code threads} 0 the watcher is off and the driver relies on polling alone. A wait-event that
 * fails otherwise (the broker unreachable for a moment) is tried again after {@link #RETRY_PAUSE}
 * on the watcher's clock.
 */
final class FluxEventWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FluxEventWatcher.class);
    /** How long a job whose wait-event failed waits before it is watched again. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private final CliCommands flux;
    private final Consumer<JobInfo> publish;
    private final int threads;
    private final Duration slice;
    private final MonotonicClock clock;
    private final Object pause = new Object();
    private final LinkedBlockingDeque<String> queue = new LinkedBlockingDeque<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param flux the flux commands
     * @param publish where final information goes (the backend merges and publishes it)
     * @param threads how many wait-event commands may run at once; 0 turns the watcher off
     * @param slice how long one wait-event may block before the job goes back to the queue
     */
    FluxEventWatcher(CliCommands flux, Consumer<JobInfo> publish, int threads, Duration slice) {
        this(flux, publish, threads, slice, MonotonicClock.SYSTEM);
    }

    /**
     * @param flux the flux commands
     * @param publish where final information goes
     * @param threads how many wait-event commands may run at once; 0 turns the watcher off
     * @param slice how long one wait-event may block before the job goes back to the queue
     * @param clock the time source of the pause after a failed wait-event
     */
    FluxEventWatcher(CliCommands flux, Consumer<JobInfo> publish, int threads, Duration slice, MonotonicClock clock) {
        this.flux = flux;
        this.publish = publish;
        this.threads = threads;
        this.slice = slice;
        this.clock = clock;
    }

    /** @return true when the watcher runs at least one thread */
    boolean enabled() {
        return threads > 0;
    }

    /** @param jobId a live job to watch until it ends; watching twice does nothing */
    void watch(String jobId) {
        if (!enabled() || !running || !watched.add(jobId)) return;
        queue.addLast(jobId);
        startWorkers();
    }

    /** @param jobId a job not to watch any more (reaped, or known to have ended) */
    void forget(String jobId) {
        watched.remove(jobId);
        queue.remove(jobId);
    }

    /** @return the jobs being watched or waiting for a watcher thread */
    Set<String> watchedJobs() {
        return Set.copyOf(watched);
    }

    private synchronized void startWorkers() {
        while (workers.size() < threads) {
            Thread t = new Thread(this::loop, "drmaa2j-flux-watcher-" + workers.size());
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private void loop() {
        while (running) {
            String id;
            try {
                id = queue.pollFirst(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (id == null || !watched.contains(id)) continue;
            try {
                waitOnce(id);
            } catch (RuntimeException e) {
                LOG.debug("waiting for the end of Flux job {} failed: {}", id, e.toString());
                if (running && watched.contains(id)) requeueLater(id);
            }
        }
    }

    /**
     * Runs one wait-event for a job and acts on its answer.
     *
     * @param id the job
     */
    void waitOnce(String id) {
        long seconds = Math.max(1, slice.toSeconds());
        Command c = flux.command("job", "wait-event", "-v", "-f", "json", "-t", seconds + "s", id, "clean")
                .withTimeout(slice.plusSeconds(30));
        CommandResult r = flux.run(c);
        if (enabled() && !watched.contains(id)) return; // forgotten (reaped) meanwhile: drop the answer
        if (r.succeeded()) {
            FluxEventlog log = FluxEventlog.parse(r.stdout());
            if (log.tellsTheEnd()) {
                watched.remove(id);
                publish.accept(log.toJobInfo(id));
                return;
            }
            if (log.isClean()) {
                watched.remove(id); // ended, but the output does not say how: the poll tells
                return;
            }
        }
        String err = r.stderr().toLowerCase(Locale.ROOT);
        if (err.contains("timeout") || err.contains("timed out")) {
            if (running && watched.contains(id)) queue.addLast(id);
            return;
        }
        if (err.contains("unknown") || err.contains("no such") || err.contains("not found")) {
            LOG.debug("Flux does not know job {} any more ({}); polling decides", id, r.stderr().strip());
            watched.remove(id);
            return;
        }
        LOG.debug("flux job wait-event {}: {}", id, r.describeFailure());
        if (running && watched.contains(id)) requeueLater(id);
    }

    private void requeueLater(String id) {
        long until = clock.nanoTime() + RETRY_PAUSE.toNanos();
        synchronized (pause) {
            try {
                for (long left = until - clock.nanoTime(); running && left > 0; left = until - clock.nanoTime()) {
                    clock.timedWait(pause, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (running && watched.contains(id)) queue.addLast(id);
    }

    @Override
    public void close() {
        running = false;
        queue.clear();
        synchronized (pause) {
            pause.notifyAll();
        }
        synchronized (this) {
            workers.forEach(Thread::interrupt);
        }
    }
}
