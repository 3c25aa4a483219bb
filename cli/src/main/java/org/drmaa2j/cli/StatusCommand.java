// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drmaa2 status}: print what is known about jobs of the session. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Print the state of jobs of the session.")
final class StatusCommand extends SessionCommand {
    @Parameters(paramLabel = "JOBID", arity = "1..*", description = "Job ids.")
    List<String> ids;

    @Override
    int run(SessionAccess access, Printer printer) {
        List<JobInfo> infos = new ArrayList<>();
        for (Job j : access.find(ids)) infos.add(j.getJobInfo());
        printer.jobs(access.session().getSessionName(), infos);
        return 0;
    }
}
