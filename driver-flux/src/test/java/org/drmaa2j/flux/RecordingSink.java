// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.backend.StateSink;

/** A state sink that keeps what a backend published. */
final class RecordingSink implements StateSink {
    final List<JobInfo> published = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, String>> data = new ConcurrentHashMap<>();

    @Override
    public void publish(JobInfo info) {
        published.add(info);
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * @param jobId a job
     * @param cap the longest to wait (a safety cap, not a measurement)
     * @return the first terminal information published for the job
     * @throws AssertionError if none came within the cap
     */
    synchronized JobInfo awaitTerminal(String jobId, java.time.Duration cap) throws InterruptedException {
        long end = System.nanoTime() + cap.toNanos();
        while (true) {
            for (JobInfo i : published) if (jobId.equals(i.getJobId()) && i.getJobState().isTerminal()) return i;
            long left = end - System.nanoTime();
            if (left <= 0) throw new AssertionError("no end of " + jobId + " was published; published: " + published);
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void updateDriverData(String jobId, Map<String, String> values) {
        data.computeIfAbsent(jobId, k -> new ConcurrentHashMap<>()).putAll(values);
    }

    JobInfo last(String jobId) {
        JobInfo found = null;
        for (JobInfo i : published) if (jobId.equals(i.getJobId())) found = i;
        return found;
    }
}
