// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.SessionManager;
import org.drmaa2j.tck.containers.HTCondorContainer;

/**
 * {@link WaitFigures} on the HTCondor personal pool, run inside its container as the pool's user
 * (this machine's contact, so the jobs write completion markers into the session's directory): 1
 * and 100 waiters on as many jobs, and {@value #MANY_WAITERS} waiters on {@value #MANY_JOBS} jobs.
 * The pool's one partitionable slot runs {@value HTCondorContainer#CPUS} jobs at once and, on a
 * small machine, starts about two a second: 1,000 jobs would take about eight minutes per run.
 */
final class HTCondorWaitFigures implements WaitFigures.Scheduler {
    static final int MANY_WAITERS = 1000;
    static final int MANY_JOBS = 50;

    private final String version;

    private HTCondorWaitFigures(String version) {
        this.version = version;
    }

    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        Path state = Files.createTempDirectory("drmaa2j-bench");
        String version;
        try (SessionManager sm = Drmaa2.getSessionManager("htcondor", Map.of("drmaa2j.stateDir", state.toString()))) {
            version = sm.getDrmsVersion().toString();
        }
        HTCondorWaitFigures s = new HTCondorWaitFigures(version);
        WaitFigures.measure(state, table, 1, 1, null, s);
        WaitFigures.measure(state, table, 100, 100, null, s);
        WaitFigures.measure(state, table, MANY_WAITERS, MANY_JOBS, "20 per job: the pool's " + HTCondorContainer.CPUS
                + " slots start about 2 jobs a second here, 1,000 jobs would take about 25 min for the three runs", s);
    }

    @Override
    public String label() {
        return "HTCondor " + version;
    }

    @Override
    public String provider() {
        return "htcondor";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public JobTemplate endStampingJob(String endsDir) {
        // the end file is named for the task index, which a bulk job's task takes as $2
        return WaitFigures.endStampingJob(endsDir, "$2", Placeholders.PARAMETRIC_INDEX);
    }

    @Override
    public String endFile(String jobId) {
        return Long.toString(index(jobId));
    }

    /** A bulk job from index 1 in steps of 1: task {@code CLUSTER.PROC} has the index PROC + 1. */
    @Override
    public long index(String jobId) {
        return Long.parseLong(jobId.substring(jobId.indexOf('.') + 1)) + 1;
    }

    @Override
    public long statusCommands(Map<String, Long> counts) {
        return counts.getOrDefault("condor_q", 0L) + counts.getOrDefault("condor_history", 0L);
    }

    @Override
    public String statusCommandNames() {
        return "condor_q + condor_history";
    }

    @Override
    public int maxParallel(int jobs) {
        return 0;
    }

    @Override
    public String cancelAll() {
        return "condor_rm -all";
    }
}
