// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.drmaa2j.JobInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the ends the event watcher saw. A job's eventlog tells how it ended (exit status,
 * signal, exception, times) but not its queue, nodes, cores or owner; the job list has them. One
 * daemon thread takes every end that arrived since its last round and asks the job list about all
 * of them with ONE command, then hands each end on with what the list said. Ends that arrive
 * while that command runs form the next round.
 */
final class FluxEndBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FluxEndBatcher.class);
    private final LinkedBlockingQueue<JobInfo> ends = new LinkedBlockingQueue<>();
    private final Function<Collection<String>, Map<String, JobInfo>> list;
    private final BiConsumer<JobInfo, JobInfo> finish;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param list asks the job list about jobs (one command), by id
     * @param finish receives each end from the eventlog and what the list said about the job (or null)
     */
    FluxEndBatcher(Function<Collection<String>, Map<String, JobInfo>> list, BiConsumer<JobInfo, JobInfo> finish) {
        this.list = list;
        this.finish = finish;
        this.thread = new Thread(this::loop, "drmaa2j-flux-ends");
        thread.setDaemon(true);
    }

    /** @param fromEvents a job's end as its eventlog tells it */
    void ended(JobInfo fromEvents) {
        ends.add(fromEvents);
        synchronized (this) {
            if (running && !thread.isAlive()) thread.start();
        }
    }

    private void loop() {
        while (running) {
            List<JobInfo> batch = new ArrayList<>();
            try {
                batch.add(ends.take());
            } catch (InterruptedException e) {
                return;
            }
            ends.drainTo(batch);
            round(batch);
        }
    }

    /**
     * Handles one round: one job-list command for all its jobs.
     *
     * @param batch the ends
     */
    void round(List<JobInfo> batch) {
        List<String> ids = new ArrayList<>();
        for (JobInfo i : batch) ids.add(i.getJobId());
        Map<String, JobInfo> listed;
        try {
            listed = list.apply(ids);
        } catch (RuntimeException e) {
            LOG.debug("cannot list the ended Flux jobs {}: {}", ids, e.toString());
            listed = Map.of();
        }
        for (JobInfo i : batch) {
            try {
                finish.accept(i, listed.get(i.getJobId()));
            } catch (RuntimeException e) {
                LOG.warn("cannot record the end of Flux job {}: {}", i.getJobId(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        ends.clear();
        thread.interrupt();
    }
}
