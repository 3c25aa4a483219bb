// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import picocli.CommandLine.Command;

/** {@code drmaa2 submit}: submit a job and print its id. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a job (or, with --array, a bulk job) to the session and print the job ids, one a line.")
final class SubmitCommand extends SubmittingCommand {
    @Override
    int run(SessionAccess access, Printer printer) {
        String session = access.session().getSessionName();
        for (org.drmaa2j.Job j : submit(access.session())) printer.submitted(session, j.getJobId());
        return 0;
    }
}
