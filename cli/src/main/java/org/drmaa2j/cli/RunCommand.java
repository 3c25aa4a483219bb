package org.drmaa2j.cli;

import java.io.PrintWriter;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.Timeouts;
import picocli.CommandLine.Command;

/** {@code drmaa2 run}: submit, wait, print how the job ended, exit with its exit status. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Submit a job, wait until it ends, print its state and exit status, and forget it.",
                "Exits with the job's exit status, 128+N when a signal N ended it, 1 for other failures."})
final class RunCommand extends SubmittingCommand {
    @Override
    int run(SessionAccess access, Printer printer) {
        String session = access.session().getSessionName();
        Job submitted = access.session().runJob(template);
        printer.submittedNote(session, submitted.getJobId());
        waitEndingOnInterrupt(submitted);
        JobInfo info = submitted.getJobInfo();
        printer.ended(session, info);
        forget(submitted);
        return ExitCodes.of(info);
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
