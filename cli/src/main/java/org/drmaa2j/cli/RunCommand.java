// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.Timeouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drmaa2 run}: submit, wait, print how the job ended, exit with its exit status. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Submit a job, wait until it ends, print its state and exit status, and forget it.",
                "Exits with the job's exit status, 128+N when a signal N ended it, 1 for other failures."})
final class RunCommand extends SubmittingCommand {
    @Option(names = "--progress", description = "With --array: show a progress bar on standard error even when "
            + "standard output is not a terminal.")
    boolean progress;

    @Override
    int run(SessionAccess access, Printer printer) {
        if (array != null) return runArray(access, printer);
        String session = access.session().getSessionName();
        Job submitted = access.session().runJob(template);
        printer.submittedNote(session, submitted.getJobId());
        waitEndingOnInterrupt(submitted);
        JobInfo info = submitted.getJobInfo();
        printer.ended(session, info);
        forget(submitted);
        return ExitCodes.of(info);
    }

    /** Submits the bulk job, waits for every task with a progress bar, prints them, forgets them. */
    private int runArray(SessionAccess access, Printer printer) {
        String session = access.session().getSessionName();
        List<Job> tasks = submit(access.session());
        printer.submittedArrayNote(session, tasks);
        JobsWaiter.awaitAll(access.session(), tasks, Timeouts.INFINITE,
                new Progress(root.spec.commandLine().getErr(), progress, tasks.size()));
        List<JobInfo> infos = new ArrayList<>();
        int exitCode = 0;
        for (Job j : tasks) {
            JobInfo info = j.getJobInfo();
            infos.add(info);
            if (exitCode == 0) exitCode = ExitCodes.of(info);
        }
        printer.jobs(session, infos);
        for (Job j : tasks) forget(j);
        return exitCode;
    }

    /** Reaps the ended job; a failure to do so is reported but does not change the exit code. */
    private void forget(Job job) {
        try {
            job.reap();
        } catch (Drmaa2Exception e) {
            PrintWriter err = root.spec.commandLine().getErr();
            err.println("drmaa2: warning: job " + job.getJobId() + " stays in the session: " + e.getMessage());
            err.flush();
        }
    }

    /** Waits for the job; if the command is interrupted (Ctrl-C) meanwhile, the job is terminated. */
    private static void waitEndingOnInterrupt(Job job) {
        Thread terminator = new Thread(() -> {
            try {
                job.terminate();
            } catch (RuntimeException e) {
                // the process is ending; nothing more can be done
            }
        }, "drmaa2-run-terminate");
        Runtime.getRuntime().addShutdownHook(terminator);
        try {
            job.waitTerminated(Timeouts.INFINITE);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(terminator);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }
}
