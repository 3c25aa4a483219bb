package org.drmaa2j.cli;

import picocli.CommandLine.Command;

/** {@code drmaa2 submit}: submit a job and print its id. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a job to the session and print its id.")
final class SubmitCommand extends SubmittingCommand {
    @Override
    int run(SessionAccess access, Printer printer) {
        printer.submitted(access.session().getSessionName(), access.session().runJob(template).getJobId());
        return 0;
    }
}
