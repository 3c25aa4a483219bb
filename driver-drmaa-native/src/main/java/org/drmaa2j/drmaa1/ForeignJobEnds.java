// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.store.JobRecord;

/**
 * The ends of jobs another process submitted (a persistent session reopened after its process
 * died): {@code drmaa_wait} reaps only jobs of its own session, so their exit status comes from
 * Grid Engine's accounting instead, one {@code qacct -o USER -b EARLIEST -j} for all such jobs of a
 * poll. A job whose record has not appeared within the companion's accounting wait (Grid Engine
 * writes it within its {@code flush_time}) ends as the library says, annotated.
 */
final class ForeignJobEnds {
    /** Slack for clocks and for {@code -b} being a start time, not a submission time. */
    private static final Duration SLACK = Duration.ofMinutes(1);
    private final GridEngineCompanion companion;
    private final Map<String, Instant> endedSince = new ConcurrentHashMap<>();

    ForeignJobEnds(GridEngineCompanion companion) {
        this.companion = companion;
    }

    /**
     * @param jobs ended jobs of another process, with the state the library reported (DONE, FAILED or unknown job)
     * @param fallback the information for a job whose record did not appear in time
     * @return final information of the jobs whose record was found or whose wait is over
     */
    Map<String, JobInfo> resolve(List<JobRecord> jobs, java.util.function.Function<JobRecord, JobInfo> fallback) {
        Map<String, JobInfo> out = new HashMap<>();
        if (jobs.isEmpty()) return out;
        Instant now = Instant.now();
        Instant earliest = now;
        for (JobRecord r : jobs) {
            Instant s = r.info().getSubmissionTime();
            if (s != null && s.isBefore(earliest)) earliest = s;
            endedSince.putIfAbsent(r.jobId(), now);
        }
        Map<String, GridEngineAccounting.End> ends = companion.endsSince(earliest.minus(SLACK));
        for (JobRecord r : jobs) {
            GridEngineAccounting.End e = ends.get(r.jobId());
            if (e != null) {
                out.put(r.jobId(), ended(r.info(), e));
                endedSince.remove(r.jobId());
            } else if (now.isAfter(endedSince.get(r.jobId()).plus(companion.accountingWait()))) {
                out.put(r.jobId(), fallback.apply(r));
                endedSince.remove(r.jobId());
            }
        }
        return out;
    }

    static JobInfo ended(JobInfo base, GridEngineAccounting.End e) {
        boolean done = e.signal() == null && e.failed() == null && e.exitStatus() != null && e.exitStatus() == 0;
        JobInfo.Builder b = base.toBuilder().jobState(done ? JobState.DONE : JobState.FAILED)
                .jobSubState(done ? "DONE" : "FAILED").exitStatus(e.exitStatus()).terminatingSignal(e.signal())
                .annotation(e.failed() == null ? null : "Grid Engine: failed " + e.failed());
        return b.build();
    }

    /** @param jobId a job no session needs any more */
    void forget(String jobId) {
        endedSince.remove(jobId);
    }
}
