// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.cli.SubmitCommand;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.script.ScriptRenderer;

/**
 * The kit's submission command for Flux, built from jobspecs rather than options: a template
 * becomes a {@link FluxJobRequest} (placeholders resolved by the kit's {@code JobPaths}), then the jobspec of
 * each task ({@link FluxJobspec}), handed to Flux by ONE {@code flux job submit} for a single job or
 * ONE {@code flux python} for a bulk job ({@link FluxSubmitter}). Checking a template builds the
 * request only: no command runs.
 *
 * <p>A request with native options gets its base jobspec from {@code flux submit --dry-run}
 * ({@link #dryRun}): the user's {@code flux submit} options can only be honoured by
 * {@code flux submit} itself, so it builds the jobspec (one Python process) and the driver completes
 * it ({@link FluxJobspec#task}: script, paths, index, tag). Every other request's jobspec is built
 * by the driver alone. Without {@code --cc}, {@code flux submit} passes option values through
 * unchanged; the script, the paths with the task index and the index are set by the driver
 * afterwards, so the dry run carries those of task 1 and no file archive.
 */
final class FluxSubmitCommand implements SubmitCommand {
    private final ScriptRenderer renderer;
    private final String homeDirectory;
    private final FluxSubmitter submitter;

    /**
     * @param renderer the job script template
     * @param homeDirectory the user's home where the jobs run
     * @param submitter the environment, the dry run and the submission commands
     */
    FluxSubmitCommand(ScriptRenderer renderer, String homeDirectory, FluxSubmitter submitter) {
        this.renderer = renderer;
        this.homeDirectory = homeDirectory;
        this.submitter = submitter;
    }

    /** Builds the request, which checks every value; runs nothing. */
    @Override
    public void check(JobTemplate t, boolean bulk) {
        request(t, bulk);
    }

    /**
     * @param t the template
     * @param range the bulk job's indices, or null for a single job
     * @param tag the submission's tag, or null
     * @return {@code flux job submit} (one job) or {@code flux python} (one jobspec per index, in
     *     index order); held jobs, and every task of a throttled bulk job, get urgency 0
     */
    @Override
    public Command build(JobTemplate t, BulkRange range, String tag) {
        if (range == null) {
            Single one = single(t, tag);
            return submitter.submitOne(one.jobspec(), one.urgency());
        }
        FluxJobRequest r = request(t, true);
        ObjectNode base = base(r);
        List<ObjectNode> specs = new ArrayList<>();
        for (long i : range.indices()) specs.add(FluxJobspec.task(base, r, i, true, tag));
        return submitter.submitAll(specs, throttled(range) || r.held() ? 0 : r.urgencyOrDefault());
    }

    /**
     * The jobspec and urgency of a single job.
     *
     * @param jobspec its jobspec
     * @param urgency 0 when held, else its urgency
     */
    record Single(ObjectNode jobspec, int urgency) {
    }

    /**
     * @param t the template of a single job
     * @param tag the submission's tag, or null
     * @return its jobspec (with native options, from {@code flux submit --dry-run}) and urgency
     */
    Single single(JobTemplate t, String tag) {
        FluxJobRequest r = request(t, false);
        return new Single(FluxJobspec.task(base(r), r, 1, false, tag), r.held() ? 0 : r.urgencyOrDefault());
    }

    private ObjectNode base(FluxJobRequest r) {
        return r.nativeOptions().isEmpty() ? FluxJobspec.base(r, submitter.environment()) : submitter.dryRun(dryRun(r));
    }

    /**
     * @param range a bulk job's indices
     * @return true when its maxParallel is emulated ({@link FluxBulkThrottle}): its tasks are submitted held
     */
    static boolean throttled(BulkRange range) {
        return range.maxParallel() > 0 && range.maxParallel() < range.indices().size();
    }

    private FluxJobRequest request(JobTemplate t, boolean bulk) {
        return FluxJobRequest.of(t, renderer, homeDirectory, bulk);
    }

    private Command dryRun(FluxJobRequest r) {
        return submitter.flux().command("submit", dryRunArgs(r)).notRetryable();
    }

    /**
     * @param r the request
     * @return the arguments of {@code flux submit} for its dry run
     */
    static List<String> dryRunArgs(FluxJobRequest r) {
        List<String> args = new ArrayList<>(List.of("--dry-run"));
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
        return args;
    }

    /** A JSON string, so that {@code --setattr} keeps any name a string (it parses values as JSON). */
    private static String jsonString(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
