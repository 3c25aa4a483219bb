// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.backend.StateSink;

/** News the {@link LocalScheduler} collects under its lock and delivers after it. */
final class LocalOutbox {
    private final StateSink sink;
    private final String host;
    private final String owner;
    private final List<JobInfo> infos = new ArrayList<>();
    private final Map<String, Map<String, String>> data = new HashMap<>();

    LocalOutbox(StateSink sink, String host, String owner) {
        this.sink = sink;
        this.host = host;
        this.owner = owner;
    }

    /** Queues the job's current information (called under the scheduler's lock). */
    void info(LocalJob j) {
        infos.add(j.info(host, owner));
    }

    void data(String id, String key, String value) {
        data.computeIfAbsent(id, k -> new HashMap<>()).put(key, value);
    }

    /** Delivers everything, driver data first. */
    void send() {
        data.forEach(sink::updateDriverData);
        infos.forEach(sink::publish);
    }
}
