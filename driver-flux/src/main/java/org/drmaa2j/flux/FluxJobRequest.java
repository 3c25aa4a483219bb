// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.spi.cli.JobPaths;
import org.drmaa2j.spi.resources.Dependencies;
import org.drmaa2j.spi.resources.NativeOptions;
import org.drmaa2j.spi.resources.ResourceRequest;
import org.drmaa2j.spi.script.ScriptModel;
import org.drmaa2j.spi.script.ScriptRenderer;

/**
 * A template translated into what a Flux job asks for, every value checked: the job script
 * (rendered from the kit's {@link ScriptModel}), the paths and working directory (the kit's
 * {@link JobPaths}: absolute, in a bulk job with the task index still as {@code $DRMAA2_INDEX$},
 * which {@link #forIndex} replaces), the resources in {@code flux submit}'s per-task model, limits, begin
 * time, dependencies and native options. Both ways of building a jobspec start from it: the
 * driver's own ({@link FluxJobspec}) and {@code flux submit --dry-run} ({@link FluxSubmitCommand}).
 *
 * @param script the job script, byte for byte what the job runs
 * @param jobName the job name, or null
 * @param cwd the working directory
 * @param output the standard output file, or null (Flux keeps the output in its KVS)
 * @param error the standard error file, or null (with the output, or in the KVS)
 * @param input the standard input file, or null
 * @param queue the queue, or null
 * @param bank the flux-accounting bank, or null
 * @param nodes the node count, or null for any
 * @param ntasks the task count
 * @param coresPerTask cores per task
 * @param gpusPerTask GPUs per task, or null
 * @param exclusive whether nodes are allocated whole (Flux's default when only nodes are asked for)
 * @param urgency the urgency when not held (1 to 31), or null for Flux's default
 * @param held whether the template asks to submit held
 * @param duration the time limit in seconds, or null
 * @param rlimits the shell's resource limits by Flux's name ({@code cpu}, {@code nofile}, sizes in bytes)
 * @param beginTime the earliest start, seconds since the epoch with milliseconds ({@code 1795300000.250}), or null
 * @param dependencies the dependencies as {@code scheme:jobid}
 * @param nativeOptions {@code flux submit} options given by the user, one per entry
 */
record FluxJobRequest(String script, String jobName, String cwd, String output, String error, String input,
        String queue, String bank, Integer nodes, long ntasks, int coresPerTask, Long gpusPerTask, boolean exclusive,
        Integer urgency, boolean held, Double duration, Map<String, Long> rlimits, String beginTime,
        List<String> dependencies, List<String> nativeOptions) {

    /** Flux's default urgency, the middle of 0 (held) to 31. */
    static final int DEFAULT_URGENCY = 16;

    /**
     * @param t the template
     * @param renderer the job script template
     * @param homeDirectory the user's home where the jobs run
     * @param bulk true for the tasks of a bulk job
     * @return the request
     * @throws InvalidArgumentException naming the field whose value Flux cannot take
     */
    static FluxJobRequest of(JobTemplate t, ScriptRenderer renderer, String homeDirectory, boolean bulk) {
        ResourceRequest r = ResourceRequest.from(t);
        // the kit's rule makes every path absolute, as Flux needs: its job shell takes a relative cwd
        // against its own directory, and where that has no such directory it runs the job in /tmp
        // (seen on flux-core 0.88.0); and no file name may be taken for one of flux's own words
        // (none, kvs, a task idset for --input)
        JobPaths paths = JobPaths.of(t, homeDirectory, bulk);
        String cwd = oneLine("workingDirectory", paths.workingDirectory());
        String output = path(t.getOutputPath() != null ? "outputPath" : "errorPath",
                t.getOutputPath() != null ? t.getOutputPath() : t.getErrorPath(), paths.output());
        String error = path("errorPath", t.getErrorPath(), paths.error());
        String input = path("inputPath", t.getInputPath(), paths.input());
        Integer nodes = r.nodes();
        Long tasks = r.totalTasks();
        if (tasks == null && r.tasksPerNode() != null) {
            nodes = nodes == null ? 1 : nodes;
            tasks = (long) nodes * r.tasksPerNode();
        }
        // flux submit: nodes without a task count means one task per node, nodes allocated whole
        boolean exclusive = tasks == null && nodes != null;
        long ntasks = tasks != null ? tasks : nodes != null ? nodes : 1;
        if (nodes != null && nodes > ntasks) {
            throw new InvalidArgumentException("extensions[" + Extensions.NODES + "]", "Flux cannot spread " + ntasks
                    + " tasks over " + nodes + " nodes (at least one task per node)");
        }
        Long gpusPerTask = null;
        if (r.gpusPerNode() != null) {
            long perNode = nodes == null ? ntasks : Math.max(1, ntasks / nodes);
            if (nodes != null && ntasks % nodes != 0 || r.gpusPerNode() % perNode != 0) {
                throw new InvalidArgumentException("extensions[" + Extensions.GPUS_PER_NODE + "]", "Flux assigns GPUs per task: "
                        + r.gpusPerNode() + " GPUs per node cannot be split evenly over " + perNode + " tasks per node");
            }
            gpusPerTask = r.gpusPerNode() / perNode;
        }
        List<String> deps = new ArrayList<>();
        for (Dependencies.Clause c : Dependencies.parse(t.getExtensions().get(Extensions.DEPENDENCIES)).clauses()) {
            for (String id : c.jobIds()) deps.add(c.type() + ":" + id);
        }
        // a string, as flux submit --begin-time gives it: Flux's begin-time plugin takes no number
        String begin = t.getStartTime() == null ? null
                : t.getStartTime().getEpochSecond() + "." + String.format("%03d", t.getStartTime().getNano() / 1_000_000);
        String script = ScriptModel.of(t, paths, bulk).render(renderer);
        return new FluxJobRequest(script.endsWith("\n") ? script : script + "\n", t.getJobName() == null ? null : oneLine("jobName", t.getJobName()),
                cwd, output, error, input,
                r.queue() == null ? null : oneLine("queueName", r.queue()),
                r.account() == null ? null : oneLine("accountingId", r.account()),
                nodes, ntasks, r.cpusPerTask() == null ? 1 : r.cpusPerTask(), gpusPerTask, exclusive,
                t.getPriority() == null ? null : urgency(t.getPriority()), t.isSubmitAsHold(),
                r.wallclock() == null ? null : (double) r.wallclock().toSeconds(), rlimits(t.getResourceLimits()), begin,
                List.copyOf(deps), NativeOptions.lines(t.getExtensions().get(Extensions.NATIVE_OPTIONS), "flux submit"));
    }

    /**
     * DRMAA2 leaves the range of priorities to the implementation; the other drivers' schedulers
     * count them around 0 (Grid Engine -1023 to 1024, PBS -1024 to 1023). Flux's urgency runs from
     * 0 (held) to 31 with 16 the default, so priority P becomes urgency 16 + P, kept within 1 to 31:
     * 0 is Flux's default, -15 and below the lowest urgency, 15 and above the highest. Any priority
     * submits; Flux lets only the instance owner go above 16.
     *
     * @param priority a template's priority
     * @return the urgency
     */
    static int urgency(long priority) {
        long u = DEFAULT_URGENCY + Math.max(-DEFAULT_URGENCY, Math.min(DEFAULT_URGENCY, priority));
        return (int) Math.max(1, Math.min(31, u));
    }

    /**
     * @param index the task index (1 for a single job)
     * @return the working directory of that task
     */
    String cwdFor(long index) {
        return JobPaths.withIndex(cwd, Long.toString(index));
    }

    /**
     * @param path a path of this request, or null
     * @param index the task index
     * @return the path of that task, or null
     */
    static String forIndex(String path, long index) {
        return JobPaths.withIndex(path, Long.toString(index));
    }

    /** @return the urgency as {@code flux job submit} and {@code flux job urgency} take it */
    int urgencyOrDefault() {
        return urgency == null ? DEFAULT_URGENCY : urgency;
    }

    /** Resource limits other than the wall clock become soft limits the job shell sets; sizes are bytes. */
    private static Map<String, Long> rlimits(Map<ResourceLimit, Long> limits) {
        Map<String, Long> out = new LinkedHashMap<>();
        limits.forEach((k, v) -> {
            switch (k) {
                case CPU_TIME -> out.put("cpu", v);
                case OPEN_FILES -> out.put("nofile", v);
                case VIRTUAL_MEMORY -> out.put("as", Math.multiplyExact(v, 1024L));
                case DATA_SIZE -> out.put("data", Math.multiplyExact(v, 1024L));
                case STACK_SIZE -> out.put("stack", Math.multiplyExact(v, 1024L));
                case CORE_FILE_SIZE -> out.put("core", Math.multiplyExact(v, 1024L));
                case FILE_SIZE -> out.put("fsize", Math.multiplyExact(v, 1024L));
                case WALLCLOCK_TIME -> { }
                default -> throw new IllegalStateException("unhandled limit " + k);
            }
        });
        return Map.copyOf(out);
    }

    /**
     * @param field the template's field
     * @param given its value in the template
     * @param resolved the path the kit made of it, or null for none
     * @return the path for the job shell, or null; mustache text is refused
     */
    private static String path(String field, String given, String resolved) {
        if (resolved == null) return null;
        if (given.contains("{{") || given.contains("}}")) {
            throw new InvalidArgumentException(field, "Flux expands {{…}} in file names; such text cannot be part of a path");
        }
        return oneLine(field, resolved);
    }

    private static String oneLine(String field, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InvalidArgumentException(field, "Flux cannot take line breaks here");
        }
        return value;
    }
}
