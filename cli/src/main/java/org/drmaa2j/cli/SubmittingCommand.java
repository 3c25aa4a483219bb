package org.drmaa2j.cli;

import org.drmaa2j.JobTemplate;
import picocli.CommandLine.Mixin;

/** A subcommand that submits the job its options describe; the template is checked before the driver is contacted. */
abstract class SubmittingCommand extends SessionCommand {
    @Mixin
    JobOptions job;

    /** The template made from the options, set by {@link #prepare()}. */
    JobTemplate template;

    @Override
    final void prepare() {
        template = job.toTemplate();
    }
}
