// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.drmaa2j.spi.cli.CommandErrors.require;

import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.store.JobRecord;

/**
 * Job control with LSF's user commands: {@code bstop} suspends a running job (USUSP) and holds a
 * pending one (PSUSP); {@code bresume} undoes either; {@code bkill} terminates. Array elements are
 * addressed as {@code 123[4]}. The expected new state is returned at once; the next poll confirms it.
 */
final class LsfControl {
    /** What bkill says of a job that has already ended or been cleaned. */
    static final CommandErrors ERRORS = CommandErrors.alreadyGoneWhen("job has already finished", "is not found");

    private final CliCommands commands;

    LsfControl(CliCommands commands) {
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
                ERRORS.requireOrGone(commands.run("bkill", id));
                return null;
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
    }
}
