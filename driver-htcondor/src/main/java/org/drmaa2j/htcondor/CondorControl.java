// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.time.Instant;
import java.util.List;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.MonotonicClock;

/**
 * Job control with {@code condor_hold}, {@code condor_release}, {@code condor_suspend},
 * {@code condor_continue} and {@code condor_rm}, one job at a time. A suspension or continuation
 * is done once the schedd shows the job's new status ({@link CondorStatusWait}), not when the
 * command returns.
 *
 * <p>A task of a late-materialized array (maxParallel, {@code max_materialize}) does not exist in
 * the schedd's queue until HTCondor materializes it; such a task is held, released and terminated
 * through its array's lists ({@link CondorLateTasks}).
 */
final class CondorControl {
    /** Driver-data key marking a task of a late-materialized array. */
    static final String LATE_KEY = "htcondor.lateMaterialized";

    /** HTCondor's JobStatus of a running job. */
    private static final int RUNNING = 2;
    /** HTCondor's JobStatus of a suspended job. */
    private static final int SUSPENDED = 7;

    /** What condor_hold, condor_release and condor_rm say of a job that is not in the queue. */
    private static final CommandErrors NOT_FOUND = CommandErrors.alreadyGoneWhen("not found", "couldn't find");
    /** What condor_rm says of a job already being removed. */
    private static final CommandErrors REMOVED = CommandErrors.alreadyGoneWhen("already marked for removal", "already been removed");

    private final CommandRunner runner;
    private final CondorLateTasks late;
    private final CondorStatusWait statusWait;

    CondorControl(CommandRunner runner) {
        this(runner, new CondorStatusWait(runner, MonotonicClock.SYSTEM, CondorStatusWait.DEFAULT_CAP));
    }

    CondorControl(CommandRunner runner, CondorStatusWait statusWait) {
        this.runner = runner;
        this.late = new CondorLateTasks(runner);
        this.statusWait = statusWait;
    }

    /** @return true when the job is a task not materialized yet, now on its array's held list */
    private boolean heldBeforeMaterializing(JobRecord job) {
        long[] cp = CondorStatusQuery.split(job.jobId());
        if (!"true".equals(job.data(LATE_KEY)) || cp == null || !late.notMaterialized(cp[0], cp[1])) return false;
        late.edit(cp[0], CondorLateTasks.HELD, cp[1], true);
        CommandResult again = run("condor_hold", job.jobId()); // it may have materialized meanwhile
        return again.succeeded() || isNotFound(again) || says(again, "already held");
    }

    JobInfo control(JobRecord job, JobAction action) {
        String id = job.jobId();
        switch (action) {
            case HOLD -> {
                CommandResult r = run("condor_hold", id);
                if (!r.succeeded() && !(isNotFound(r) && heldBeforeMaterializing(job))) CommandErrors.require(r);
                return now(job, JobState.QUEUED_HELD, "Held", "held by the user");
            }
            case RELEASE -> {
                long[] cp = CondorStatusQuery.split(id);
                if ("true".equals(job.data(LATE_KEY)) && cp != null) late.edit(cp[0], CondorLateTasks.HELD, cp[1], false);
                CommandResult r = run("condor_release", id);
                // a task released from its array's held list may not exist yet, or not be held yet
                if (!r.succeeded() && !("true".equals(job.data(LATE_KEY)) && (isNotFound(r) || says(r, "not held")))) CommandErrors.require(r);
                return now(job, JobState.QUEUED, "Idle", null);
            }
            case SUSPEND -> {
                CommandErrors.require(run("condor_suspend", id));
                // done once the schedd shows it Suspended (the starter has stopped the job), not when condor_suspend returns
                return statusWait.await(id, "condor_suspend", RUNNING, SUSPENDED) == CondorStatusWait.Outcome.REACHED
                        ? now(job, JobState.SUSPENDED, "Suspended", null) : null;
            }
            case RESUME -> {
                CommandErrors.require(run("condor_continue", id));
                return statusWait.await(id, "condor_continue", SUSPENDED, RUNNING) == CondorStatusWait.Outcome.REACHED
                        ? now(job, JobState.RUNNING, "Running", null) : null;
            }
            case TERMINATE -> {
                CommandResult r = run("condor_rm", id);
                if (r.succeeded() || isAlreadyRemoved(r)) return null;
                if (!isNotFound(r)) throw new DeniedByDrmsException(r.describeFailure());
                // not in the queue: it has ended (the next poll reads the history), or it has not materialized yet
                return "true".equals(job.data(LATE_KEY)) ? cancelBeforeMaterializing(job) : null;
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
    }

    /**
     * Terminates a task its array's factory has not materialized yet: puts it on the array's
     * cancelled list, then removes it in case it materialized meanwhile.
     *
     * @return the task as FAILED, or null when it had materialized and already left the queue
     *         (the next poll reads its end from the history)
     */
    private JobInfo cancelBeforeMaterializing(JobRecord job) {
        long[] cp = CondorStatusQuery.split(job.jobId());
        if (cp == null || !late.notMaterialized(cp[0], cp[1])) return null;
        late.edit(cp[0], CondorLateTasks.CANCELLED, cp[1], true);
        CommandResult again = run("condor_rm", job.jobId());
        if (!again.succeeded() && !isNotFound(again) && !isAlreadyRemoved(again)) throw new DeniedByDrmsException(again.describeFailure());
        return job.info().toBuilder().jobState(JobState.FAILED).jobSubState(CondorStates.name(3)).finishTime(Instant.now())
                .annotation("terminated before HTCondor materialized it (max_materialize)").build();
    }

    private static JobInfo now(JobRecord job, JobState state, String subState, String annotation) {
        return job.info().toBuilder().jobState(state).jobSubState(subState).annotation(annotation).build();
    }

    private CommandResult run(String... argv) {
        return runner.run(Command.of(List.of(argv)));
    }

    private static boolean says(CommandResult r, String words) {
        return CommandErrors.mentions(r, List.of(words));
    }

    private static boolean isNotFound(CommandResult r) {
        return NOT_FOUND.isAlreadyGone(r);
    }

    private static boolean isAlreadyRemoved(CommandResult r) {
        return REMOVED.isAlreadyGone(r);
    }
}
