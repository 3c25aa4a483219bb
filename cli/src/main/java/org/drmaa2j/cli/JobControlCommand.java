// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.drmaa2j.Job;
import org.drmaa2j.TryLaterException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cancel}, {@code hold}, {@code release}, {@code suspend}, {@code resume} and {@code reap}:
 * one action on each job named, stopping at the first failure. An action the driver answers with
 * {@link TryLaterException} is retried for a while.
 */
@Command(mixinStandardHelpOptions = true)
final class JobControlCommand extends SessionCommand {
    /** How long an operation is retried while the driver answers "try later". */
    private static final Duration TRY_LATER_PATIENCE = Duration.ofSeconds(15);
    private static final Duration TRY_LATER_PAUSE = Duration.ofMillis(200);

    private final String action;
    private final String description;
    private final Consumer<Job> operation;

    @Parameters(paramLabel = "JOBID", arity = "1..*", description = "Job ids.")
    List<String> ids;

    /**
     * @param action the subcommand name, also printed after each job
     * @param description the one-line help
     * @param operation what it does to a job
     */
    JobControlCommand(String action, String description, Consumer<Job> operation) {
        this.action = action;
        this.description = description;
        this.operation = operation;
    }

    /** @return the six control subcommands */
    static List<JobControlCommand> all() {
        return List.of(
                new JobControlCommand("cancel", "End jobs, whatever their state.", Job::terminate),
                new JobControlCommand("hold", "Hold queued jobs so that they do not start.", Job::hold),
                new JobControlCommand("release", "Release held jobs.", Job::release),
                new JobControlCommand("suspend", "Suspend running jobs.", Job::suspend),
                new JobControlCommand("resume", "Resume suspended jobs.", Job::resume),
                new JobControlCommand("reap", "Forget ended jobs: they leave the session.", Job::reap));
    }

    /** @return the subcommand name */
    String action() {
        return action;
    }

    /** @return a command line for this subcommand, with its help text */
    CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.getCommandSpec().usageMessage().description(description);
        return cl;
    }

    @Override
    int run(SessionAccess access, Printer printer) {
        List<String> done = new ArrayList<>();
        for (Job j : access.find(ids)) {
            applyRetrying(j);
            done.add(j.getJobId());
        }
        printer.acted(action, done);
        return 0;
    }

    /** Applies the operation, retrying for a while as long as the driver says to try later. */
    private void applyRetrying(Job job) {
        Instant giveUp = Instant.now().plus(TRY_LATER_PATIENCE);
        while (true) {
            try {
                operation.accept(job);
                return;
            } catch (TryLaterException e) {
                if (Instant.now().isAfter(giveUp)) throw e;
                try {
                    Thread.sleep(TRY_LATER_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
