// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Locale;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.JobRecord;

/**
 * Hold and release with {@code qhold}/{@code qrls}, suspend and resume with
 * {@code qsig -s suspend|resume} (only offered when the site says users may), terminate with
 * {@code qdel}; a job that has already finished or is gone is not an error for terminate.
 *
 * <p>Slurm's wrappers hold a job by setting its priority to 0 (qstat shows it as Q with
 * {@code Priority = 0}, which {@link PbsJobRows} reads as QUEUED_HELD) and release it by letting
 * Slurm recompute the priority. Their control commands take plain Slurm job numbers
 * ({@link SlurmTaskIds#controlNumber}), and their qdel prints nothing when the job has already
 * ended or is unknown.
 */
final class PbsControl {
    private final CommandRunner runner;
    private final PbsDialect dialect;
    private final SlurmTaskIds taskIds;

    PbsControl(CommandRunner runner, PbsDialect dialect, SlurmTaskIds taskIds) {
        this.runner = runner;
        this.dialect = dialect;
        this.taskIds = taskIds;
    }

    JobInfo control(JobRecord job, JobAction action) {
        boolean wrappers = dialect == PbsDialect.SLURM_WRAPPERS;
        String id = wrappers ? taskIds.controlNumber(job.jobId()) : job.jobId();
        switch (action) {
            case HOLD -> {
                require(wrappers ? run("qhold", "-h", "u", id) : run("qhold", id));
                return job.info().toBuilder().jobState(JobState.QUEUED_HELD).jobSubState("H").build();
            }
            case RELEASE -> {
                require(run("qrls", id));
                return job.info().toBuilder().jobState(JobState.QUEUED).jobSubState("Q").build();
            }
            case SUSPEND -> require(run("qsig", "-s", "suspend", id));
            case RESUME -> require(run("qsig", "-s", "resume", id));
            case TERMINATE -> {
                CommandResult r = run("qdel", id);
                boolean silentlyGone = wrappers && (r.stdout() + r.stderr()).isBlank();
                if (!r.succeeded() && !silentlyGone && !isAlreadyGone(r)) require(r);
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        return null;
    }

    private CommandResult run(String... argv) {
        return runner.run(Command.of(argv));
    }

    private static void require(CommandResult r) {
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
    }

    /**
     * @param r a failed qdel
     * @return true when it failed because the job already ended or is unknown
     */
    static boolean isAlreadyGone(CommandResult r) {
        String e = (r.stderr() + "\n" + r.stdout()).toLowerCase(Locale.ROOT);
        return e.contains("job has finished") || e.contains("unknown job id") || e.contains("invalid job id")
                || e.contains("already completing or completed") || e.contains("invalid state for job - complete");
    }
}
