// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.Locale;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.store.JobRecord;

/**
 * Job control with LSF's user commands: {@code bstop} suspends a running job (USUSP) and holds a
 * pending one (PSUSP); {@code bresume} undoes either; {@code bkill} terminates. Array elements are
 * addressed as {@code 123[4]}. The expected new state is returned at once; the next poll confirms it.
 */
final class LsfControl {
    private final LsfCommands commands;

    LsfControl(LsfCommands commands) {
        this.commands = commands;
    }

    JobInfo control(JobRecord job, JobAction action) {
        String id = job.jobId();
        JobInfo.Builder now = job.info().toBuilder();
        switch (action) {
            case SUSPEND -> {
                require(commands.run("bstop", id));
                return now.jobState(JobState.SUSPENDED).jobSubState("USUSP").build();
            }
            case HOLD -> {
                require(commands.run("bstop", id));
                return now.jobState(JobState.QUEUED_HELD).jobSubState("PSUSP").build();
            }
            case RESUME -> {
                require(commands.run("bresume", id));
                return now.jobState(JobState.RUNNING).jobSubState("RUN").build();
            }
            case RELEASE -> {
                require(commands.run("bresume", id));
                return now.jobState(JobState.QUEUED).jobSubState("PEND").build();
            }
            case TERMINATE -> {
                CommandResult r = commands.run("bkill", id);
                if (!r.succeeded() && !isAlreadyGone(r)) require(r);
                return null;
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
    }

    private static void require(CommandResult r) {
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
    }

    /** @return true when bkill failed only because the job has already ended or been cleaned */
    static boolean isAlreadyGone(CommandResult r) {
        String e = (r.stderr() + "\n" + r.stdout()).toLowerCase(Locale.ROOT);
        return e.contains("job has already finished") || e.contains("is not found");
    }
}
