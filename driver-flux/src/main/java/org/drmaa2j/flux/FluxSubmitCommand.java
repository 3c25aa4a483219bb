// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.spi.exec.Command;

/**
 * {@code flux submit --dry-run} for a request with native options: the user's {@code flux submit}
 * options can only be honoured by {@code flux submit} itself, so it builds the jobspec (one Python
 * process) and the driver completes it ({@link FluxJobspec#task}: script, paths, index, tag) and
 * submits it the usual way. Every other request's jobspec is built by the driver alone.
 *
 * <p>Without {@code --cc}, {@code flux submit} passes option values through unchanged; the
 * script, the paths with the task index and the index are set by the driver afterwards, so the
 * command carries those of task 1 and no file archive.
 */
final class FluxSubmitCommand {
    private FluxSubmitCommand() {
    }

    /**
     * @param r the request
     * @return the dry-run command; never retried automatically
     */
    static Command dryRun(FluxJobRequest r) {
        List<String> args = new ArrayList<>(List.of("submit", "--dry-run"));
        if (r.jobName() != null) args.add("--job-name=" + r.jobName());
        args.add("--cwd=" + r.cwdFor(1));
        if (r.output() != null) args.add("--output=" + FluxJobRequest.forIndex(r.output(), 1));
        if (r.error() != null) args.add("--error=" + FluxJobRequest.forIndex(r.error(), 1));
        if (r.input() != null) args.add("--input=" + FluxJobRequest.forIndex(r.input(), 1));
        if (r.queue() != null) args.add("--queue=" + r.queue());
        if (r.bank() != null) args.add("--setattr=system.bank=" + jsonString(r.bank()));
        if (r.nodes() != null) args.add("--nodes=" + r.nodes());
        if (!r.exclusive()) args.add("--ntasks=" + r.ntasks());
        args.add("--cores-per-task=" + r.coresPerTask());
        if (r.gpusPerTask() != null) args.add("--gpus-per-task=" + r.gpusPerTask());
        if (r.duration() != null) args.add("--time-limit=" + Math.round(r.duration()) + "s");
        r.rlimits().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> args.add("--rlimit=" + e.getKey() + "=" + e.getValue()));
        if (r.beginTime() != null) args.add("--dependency=begin-time:" + r.beginTime());
        for (String d : r.dependencies()) args.add("--dependency=" + d);
        args.addAll(r.nativeOptions());
        args.addAll(FluxJobspec.COMMAND);
        return Command.of(FluxCommands.argv(args)).notRetryable();
    }

    /** A JSON string, so that {@code --setattr} keeps any name a string (it parses values as JSON). */
    private static String jsonString(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
