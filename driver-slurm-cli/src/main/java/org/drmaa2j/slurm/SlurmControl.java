// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.drmaa2j.spi.cli.CommandErrors.require;

import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.StateSink;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.JobRecord;

/**
 * Hold and release with {@code scontrol hold/release}; terminate with {@code scancel}. Suspend and
 * resume use {@code scontrol suspend/resume} where Slurm permits it (an operator or administrator);
 * for ordinary users Slurm refuses, and the driver falls back to {@code scancel --full
 * --signal=STOP/CONT}, which stops every process of the job. Slurm still reports such a job as
 * RUNNING, so the driver remembers the stop in the job's record and reports SUSPENDED with
 * sub-state {@value #SIGNAL_STOPPED}.
 */
final class SlurmControl {
    /** Sub-state of a job stopped with SIGSTOP rather than suspended by Slurm. */
    static final String SIGNAL_STOPPED = "STOPPED_BY_SIGNAL";
    /** Driver-data key marking a job stopped with SIGSTOP. */
    static final String STOPPED_KEY = "slurm.sigstop";
    /** What scancel says of a job that has ended or that Slurm no longer knows. */
    static final CommandErrors ERRORS = CommandErrors.alreadyGoneWhen("already completing or completed", "invalid job id");
    /** What scontrol says when a user may not suspend. */
    private static final List<String> PERMISSION_DENIED = CommandErrors.lower("permission denied", "access/permission", "not authorized");

    private final CommandRunner runner;
    private final StateSink sink;

    SlurmControl(CommandRunner runner, StateSink sink) {
        this.runner = runner;
        this.sink = sink;
    }

    JobInfo control(JobRecord job, JobAction action) {
        String id = job.jobId();
        switch (action) {
            case HOLD -> {
                require(run("scontrol", "hold", id));
                return now(job, JobState.QUEUED_HELD, "PENDING");
            }
            case RELEASE -> {
                require(run("scontrol", "release", id));
                return now(job, JobState.QUEUED, "PENDING");
            }
            case SUSPEND -> {
                CommandResult r = run("scontrol", "suspend", id);
                if (r.succeeded()) return now(job, JobState.SUSPENDED, "SUSPENDED");
                if (!isPermissionDenied(r)) require(r);
                require(run("scancel", "--full", "--signal=STOP", id));
                sink.updateDriverData(id, Map.of(STOPPED_KEY, "true"));
                return job.info().toBuilder().jobState(JobState.SUSPENDED).jobSubState(SIGNAL_STOPPED).build();
            }
            case RESUME -> {
                if ("true".equals(job.data(STOPPED_KEY))) {
                    require(run("scancel", "--full", "--signal=CONT", id));
                    sink.updateDriverData(id, java.util.Collections.singletonMap(STOPPED_KEY, null));
                    return job.info().toBuilder().jobState(JobState.RUNNING).jobSubState("RUNNING").build();
                }
                require(run("scontrol", "resume", id));
                return now(job, JobState.RUNNING, "RUNNING");
            }
            case TERMINATE -> {
                ERRORS.requireOrGone(run("scancel", id));
                if ("true".equals(job.data(STOPPED_KEY))) run("scancel", "--full", "--signal=CONT", id);
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        return null;
    }

    /** @return the job's last known information with the state a successful command has just set */
    private static JobInfo now(JobRecord job, JobState state, String subState) {
        return job.info().toBuilder().jobState(state).jobSubState(subState).build();
    }

    /**
     * @param info what Slurm reports
     * @param job the job's record
     * @return the report corrected for a SIGSTOP the driver sent, which Slurm does not see
     */
    static JobInfo overlay(JobInfo info, JobRecord job) {
        if ("true".equals(job.data(STOPPED_KEY)) && info.getJobState() == JobState.RUNNING) {
            return info.toBuilder().jobState(JobState.SUSPENDED).jobSubState(SIGNAL_STOPPED).build();
        }
        return info;
    }

    private CommandResult run(String... argv) {
        return runner.run(Command.of(argv));
    }

    private static boolean isPermissionDenied(CommandResult r) {
        return CommandErrors.mentions(r, PERMISSION_DENIED);
    }
}
