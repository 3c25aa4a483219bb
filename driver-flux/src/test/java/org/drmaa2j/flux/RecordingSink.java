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
