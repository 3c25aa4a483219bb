// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drmaa2 list}: the jobs of the session. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the jobs of the session.")
final class ListCommand extends SessionCommand {
    @Option(names = "--state", paramLabel = "STATE", description = "Only jobs in this state: ${COMPLETION-CANDIDATES}.")
    JobState state;

    @Override
    int run(SessionAccess access, Printer printer) {
        JobInfo filter = state == null ? null : JobInfo.builder().jobState(state).build();
        List<JobInfo> infos = new ArrayList<>();
        for (Job j : access.session().getJobs(filter)) infos.add(j.getJobInfo());
        printer.jobs(access.session().getSessionName(), infos);
        return 0;
    }
}
