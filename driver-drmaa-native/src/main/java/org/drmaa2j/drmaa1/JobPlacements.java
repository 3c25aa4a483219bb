// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.drmaa2j.JobInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes ended jobs' information with where they ran, from a {@link GridEngineCompanion} (unless
 * the poll saw them running and placed them already), on a daemon thread that asks the accounting for all jobs waiting for
 * it at once, every 250 ms, until each record appears or the companion's accounting wait passes. An
 * ended job is final (and published) only then, so a waiter sees its queue and host; a job that
 * never started is final at once.
 */
final class JobPlacements implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobPlacements.class);
    private static final long PAUSE_MS = 250;

    private final GridEngineCompanion companion;
    private final Consumer<JobInfo> publish;
    private final Map<String, JobInfo> finals = new ConcurrentHashMap<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Thread worker;
    private volatile boolean closed;

    /** An ended job waiting for its accounting record. */
    private record Waiting(JobInfo info, Instant until) {
    }

    /**
     * @param companion Grid Engine's tools
     * @param publish called with each ended job's final information
     */
    JobPlacements(GridEngineCompanion companion, Consumer<JobInfo> publish) {
        this.companion = companion;
        this.publish = publish;
        this.worker = new Thread(this::work, "drmaa2j-gridengine-accounting");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * @param info an ended job's information from the DRMAA library
     * @return its final information when complete now (published too), else null: it is published
     *         once the accounting said where the job ran
     */
    JobInfo ended(JobInfo info) {
        String id = info.getJobId();
        JobInfo done = finals.get(id);
        if (done != null || waiting.containsKey(id)) return done;
        if (!info.getAllocatedMachines().isEmpty() || info.getDispatchTime() == null) {
            finals.put(id, info);
            publish.accept(info);
            return info;
        }
        waiting.putIfAbsent(id, new Waiting(info, Instant.now().plus(companion.accountingWait())));
        synchronized (waiting) {
            waiting.notifyAll();
        }
        return null;
    }

    /** @param jobId a job the session no longer tracks */
    void forget(String jobId) {
        finals.remove(jobId);
        waiting.remove(jobId);
    }

    private void work() {
        while (!closed) {
            try {
                synchronized (waiting) {
                    while (waiting.isEmpty() && !closed) waiting.wait();
                }
                if (closed) return;
                lookUp();
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("looking up where jobs ran failed", e);
            }
        }
    }

    private void lookUp() {
        Map<String, Waiting> now = Map.copyOf(waiting);
        Instant earliest = now.values().stream().map(w -> w.info().getDispatchTime()).min(Instant::compareTo).orElse(Instant.now());
        Map<String, Placement> found = companion.accounting(now.keySet(), earliest);
        Instant t = Instant.now();
        now.forEach((id, w) -> {
            Placement p = found.get(id);
            JobInfo info;
            if (p != null) {
                info = p.applyTo(w.info());
            } else if (t.isAfter(w.until())) {
                info = w.info().getAnnotation() != null ? w.info() : w.info().toBuilder()
                        .annotation("Grid Engine's accounting had no record of the job in time: its queue and host are unknown").build();
            } else {
                return;
            }
            if (waiting.remove(id) != null) {
                finals.put(id, info);
                publish.accept(info);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        companion.close();
    }
}
