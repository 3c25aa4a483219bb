// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drmaa2 wait}: wait until jobs end; the exit code mirrors the first job that did not succeed. */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until jobs of the session end and print their states.",
                "Exits 0 when all are DONE, else with the exit code 'run' would give for the first that is not."})
final class WaitCommand extends SessionCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "infinite",
            description = "Give up after this long (seconds, 10m, HH:MM:SS; default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--progress", description = "Show a progress bar on standard error even when standard output "
            + "is not a terminal.")
    boolean progress;

    @Parameters(paramLabel = "JOBID", arity = "1..*", description = "Job ids.")
    List<String> ids;

    @Override
    int run(SessionAccess access, Printer printer) {
        List<Job> jobs = access.find(ids);
        boolean infinite = Timeouts.isInfinite(timeout);
        Instant deadline = infinite ? null : Instant.now().plus(timeout);
        List<JobInfo> infos = new ArrayList<>();
        int exitCode = 0;
        int failed = 0;
        Progress bar = new Progress(root.spec.commandLine().getErr(), progress, jobs.size());
        for (Job j : jobs) {
            Duration left = infinite ? Timeouts.INFINITE : remaining(deadline);
            try {
                j.waitTerminated(left);
            } catch (WaitTimeoutException e) {
                throw new WaitTimeoutException("job " + j.getJobId() + " did not end within " + timeout
                        + " (state " + j.getState() + ")");
            }
            JobInfo info = j.getJobInfo();
            infos.add(info);
            if (exitCode == 0) exitCode = ExitCodes.of(info);
            if (info.getJobState() == org.drmaa2j.JobState.FAILED) failed++;
            bar.update(infos.size(), failed);
        }
        bar.finish();
        printer.jobs(access.session().getSessionName(), infos);
        return exitCode;
    }

    private static Duration remaining(Instant deadline) {
        Duration d = Duration.between(Instant.now(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
