// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.JobTemplate;

/**
 * {@link WaitFigures} on a Slurm cluster: how soon {@code waitTerminated} returns after a job ends,
 * with 1, 100 or 1,000 threads each waiting on its own job, and the status commands (squeue, sacct,
 * scontrol) the waiting costs. At most {@value #MAX_PARALLEL} of the jobs run at once, so the 1,000
 * waiters see their jobs end in waves over half a minute or so.
 */
final class SlurmWaitFigures implements WaitFigures.Scheduler {
    /** Jobs running at once: more overloads the one-container cluster on a small machine (nodes fail). */
    static final int MAX_PARALLEL = 100;
    private static final String SLURM_END_FILE = "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}";

    private final String release;

    private SlurmWaitFigures(String release) {
        this.release = release;
    }

    static void measure(Path state, ResultTable table, int waiters, String release) throws Exception {
        WaitFigures.measure(state, table, waiters, waiters, null, new SlurmWaitFigures(release));
    }

    @Override
    public String label() {
        return "Slurm " + release;
    }

    @Override
    public String provider() {
        return "slurm";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public JobTemplate endStampingJob(String endsDir) {
        return slurmJob(endsDir);
    }

    /**
     * The job of the wait figures on Slurm, run as a bulk job: its end file is named for its job id,
     * {@code <array job id>_<task id>}.
     *
     * @param endsDir that directory, existing, as the job sees it
     * @return the template
     */
    static JobTemplate slurmJob(String endsDir) {
        return WaitFigures.endStampingJob(endsDir, SLURM_END_FILE);
    }

    @Override
    public String endFile(String jobId) {
        return jobId;
    }

    @Override
    public long index(String jobId) {
        return Long.parseLong(jobId.substring(jobId.lastIndexOf('_') + 1));
    }

    @Override
    public long statusCommands(Map<String, Long> counts) {
        return counts.getOrDefault("squeue", 0L) + counts.getOrDefault("sacct", 0L) + counts.getOrDefault("scontrol", 0L);
    }

    @Override
    public String statusCommandNames() {
        return "squeue + sacct + scontrol";
    }

    @Override
    public int maxParallel(int jobs) {
        return jobs > MAX_PARALLEL ? MAX_PARALLEL : 0;
    }

    @Override
    public String cancelAll() {
        return Shell.CANCEL_ALL;
    }
}
