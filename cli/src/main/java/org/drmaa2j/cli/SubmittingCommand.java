// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.List;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A subcommand that submits the job its options describe; the template is checked before the driver is contacted. */
abstract class SubmittingCommand extends SessionCommand {
    @Mixin
    JobOptions job;

    @Option(names = {"-a", "--array"}, paramLabel = "BEGIN-END[:STEP]", converter = ArrayRange.Converter.class,
            description = "Bulk submission: one task per index, e.g. 1-100 or 1-100:2; $DRMAA2_INDEX$ in the "
                    + "arguments and paths is the task's index.")
    ArrayRange array;

    @Option(names = "--max-parallel", paramLabel = "N", defaultValue = "0",
            description = "With --array: most tasks running at once (default: no limit).")
    long maxParallel;

    /** The template made from the options, set by {@link #prepare()}. */
    JobTemplate template;

    /** @return the submitted job, or the tasks of the submitted array with {@code --array} */
    List<Job> submit(JobSession session) {
        if (array == null) return List.of(session.runJob(template));
        return session.runBulkJobs(template, array.begin(), array.end(), array.step(), maxParallel).getJobs();
    }

    @Override
    final void prepare() {
        template = job.toTemplate();
    }
}
