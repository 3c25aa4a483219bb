// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drmaa2j.Capability;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.JobTemplate;

/**
 * A scheduler that runs nothing: it accepts jobs, keeps their states in memory and answers the
 * batched status call from them. Lets the generic session layer be measured alone (heap per tracked
 * job, cost of a poll tick) with job ids shaped like a real scheduler's.
 */
final class MemoryBackend implements DriverBackend {
    private final Map<String, JobState> states = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(4_000_000);

    /** Moves every known job to a state; the generic layer learns of it at its next poll. */
    void setAll(JobState s) {
        states.replaceAll((k, v) -> s);
    }

    private static JobInfo info(String id, JobState s) {
        return JobInfo.builder().jobId(id).jobState(s).queueName("debug")
                .exitStatus(s == JobState.DONE ? Integer.valueOf(0) : null).build();
    }

    @Override
    public String drmsName() {
        return "memory";
    }

    @Override
    public Version drmsVersion() {
        return new Version("1", "0");
    }

    @Override
    public String contact() {
        return "memory";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.BULK_JOBS_MAXPARALLEL);
    }

    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        String id = Long.toString(ids.incrementAndGet());
        states.put(id, JobState.QUEUED);
        return new Submitted(id, info(id, JobState.QUEUED), Map.of());
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        String array = Long.toString(ids.incrementAndGet());
        List<Submitted> tasks = new ArrayList<>();
        for (long i : range.indices()) {
            String id = array + "_" + i;
            states.put(id, JobState.QUEUED);
            tasks.add(new Submitted(id, info(id, JobState.QUEUED), Map.of()));
        }
        return new BulkSubmitted(array, tasks);
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        return null;
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        Map<String, JobInfo> out = new HashMap<>();
        for (JobRecord r : jobs) {
            JobState s = states.get(r.jobId());
            if (s != null) out.put(r.jobId(), info(r.jobId(), s));
        }
        return out;
    }

    @Override
    public void close() {
    }
}
