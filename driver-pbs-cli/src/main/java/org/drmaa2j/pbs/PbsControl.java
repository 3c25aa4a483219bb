// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.drmaa2j.spi.cli.CommandErrors.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.store.JobRecord;

/**
 * Hold and release with {@code qhold}/{@code qrls}, suspend and resume with
 * {@code qsig -s suspend|resume} (only offered when the site says users may), terminate with
 * {@code qdel}; a job that has already finished or is gone is not an error for terminate.
 *
 * <p>OpenPBS/PBS Pro holds and releases a job array only as a whole, by its array id
 * ({@code qhold 215[].server}); one subjob is refused ({@code qrls: Invalid request}, rc 156). So
 * {@link #controlArray} does arrays, and hold or release of one task throws
 * {@link OperationUnsupportedException} saying so, before anything is sent. Its qdel answers
 * {@code Request invalid for state of job} (rc 168) for a job that is exiting, and
 * {@code Request invalid for finished array subjob} (rc 55) for a subjob that has ended: both
 * mean the job is already gone (the first after qstat confirms the job is exiting or ended).
 *
 * <p>Slurm's wrappers hold a job by setting its priority to 0 (qstat shows it as Q with
 * {@code Priority = 0}, which {@link PbsJobRows} reads as QUEUED_HELD) and release it by letting
 * Slurm recompute the priority. Their control commands take plain Slurm job numbers
 * ({@link SlurmTaskIds#controlNumber}), and their qdel prints nothing when the job has already
 * ended or is unknown.
 */
final class PbsControl {
    /**
     * What qdel says of a job that has ended or that the server no longer knows: OpenPBS/PBS Pro
     * and Torque ({@code Job has finished}, {@code Unknown Job Id}, {@code Request invalid for
     * finished array subjob}) and Slurm's qdel wrapper, which passes scancel's words on.
     */
    static final CommandErrors ERRORS = CommandErrors.alreadyGoneWhen("job has finished", "unknown job id", "invalid job id",
            "already completing or completed", "invalid state for job - complete", "request invalid for finished array subjob");
    /** OpenPBS's qdel of a job that is exiting (or, rarely, whose node is being provisioned). */
    private static final List<String> BAD_STATE = CommandErrors.lower("request invalid for state of job");

    private final CliCommands commands;
    private final PbsDialect dialect;
    private final SlurmTaskIds taskIds;
    private final Function<JobRecord, JobInfo> statusOf;

    /**
     * @param commands the PBS commands
     * @param dialect the flavour
     * @param taskIds the Slurm numbers of array tasks (Slurm's wrappers)
     * @param statusOf asks qstat about one job: its information, or null when qstat does not know it
     */
    PbsControl(CliCommands commands, PbsDialect dialect, SlurmTaskIds taskIds, Function<JobRecord, JobInfo> statusOf) {
        this.commands = commands;
        this.dialect = dialect;
        this.taskIds = taskIds;
        this.statusOf = statusOf;
    }

    JobInfo control(JobRecord job, JobAction action) {
        boolean wrappers = dialect == PbsDialect.SLURM_WRAPPERS;
        String id = wrappers ? taskIds.controlNumber(job.jobId()) : job.jobId();
        if ((action == JobAction.HOLD || action == JobAction.RELEASE) && dialect == PbsDialect.PBSPRO) {
            String array = QsubOutput.arrayOf(job.jobId());
            if (array != null) {
                throw new OperationUnsupportedException("OpenPBS/PBS Pro holds and releases a job array only as a whole "
                        + "(q" + (action == JobAction.HOLD ? "hold" : "rls") + " of one subjob answers 'Invalid request'); "
                        + action.name().toLowerCase(Locale.ROOT) + " the array " + array + " with JobArray."
                        + action.name().toLowerCase(Locale.ROOT) + "() instead of its task " + job.jobId());
            }
        }
        switch (action) {
            case HOLD -> {
                require(wrappers ? commands.run("qhold", "-h", "u", id) : commands.run("qhold", id));
                return job.info().toBuilder().jobState(JobState.QUEUED_HELD).jobSubState("H").build();
            }
            case RELEASE -> {
                require(commands.run("qrls", id));
                return job.info().toBuilder().jobState(JobState.QUEUED).jobSubState("Q").build();
            }
            case SUSPEND -> require(commands.run("qsig", "-s", "suspend", id));
            case RESUME -> require(commands.run("qsig", "-s", "resume", id));
            case TERMINATE -> {
                CommandResult r = commands.run("qdel", id);
                boolean silentlyGone = wrappers && (r.stdout() + r.stderr()).isBlank();
                if (r.succeeded() || silentlyGone || ERRORS.isAlreadyGone(r)) return null;
                if (isBadState(r)) {
                    JobInfo now = statusOf.apply(job);
                    if (now == null || now.getJobState().isTerminal()) return now;
                    if ("E".equals(now.getJobSubState())) return null; // exiting: the next poll sees its end
                }
                require(r);
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        return null;
    }

    /**
     * Applies hold or release to a whole OpenPBS/PBS Pro array with one command on its array id.
     *
     * @param arrayId the array id, such as {@code 215[].pbshost}
     * @param tasks the tasks the action applies to
     * @param action the action
     * @return the tasks' information after it; empty when the action is done task by task
     */
    Optional<List<JobInfo>> controlArray(String arrayId, List<JobRecord> tasks, JobAction action) {
        if (dialect != PbsDialect.PBSPRO || !arrayId.contains("[]")) return Optional.empty();
        if (action != JobAction.HOLD && action != JobAction.RELEASE) return Optional.empty();
        boolean hold = action == JobAction.HOLD;
        require(commands.run(hold ? "qhold" : "qrls", arrayId));
        List<JobInfo> after = new ArrayList<>();
        for (JobRecord t : tasks) {
            after.add(t.info().toBuilder().jobState(hold ? JobState.QUEUED_HELD : JobState.QUEUED).jobSubState(hold ? "H" : "Q").build());
        }
        return Optional.of(after);
    }

    /**
     * @param r a failed qdel
     * @return true for OpenPBS's {@code Request invalid for state of job}: the job is exiting (or,
     *     rarely, its node is being provisioned), which only qstat can tell apart
     */
    static boolean isBadState(CommandResult r) {
        return CommandErrors.mentions(r, BAD_STATE);
    }
}
