// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.resources.Dependencies;
import org.drmaa2j.spi.resources.NativeOptions;
import org.drmaa2j.spi.resources.ResourceRequest;
import org.drmaa2j.spi.script.ScriptRenderer;

/**
 * Translates a job template into one {@code flux submit} call.
 *
 * <p>Why {@code flux submit} and not {@code flux batch}: a batch job starts a Flux instance of its
 * own for every job (a broker per job, seconds of start-up), cannot be replicated with
 * {@code --cc}, and reads {@code flux:} directives from any script line, including lines of
 * multi-line user values. {@code flux submit} runs the job directly and submits a whole bulk job in
 * one call with {@code --cc}. The command still runs from a rendered script (the kit template,
 * site-overridable, every user value through the {@code sh} filter): the script travels inside the
 * jobspec with {@code --add-file} and the job runs {@code /bin/sh {{tmpdir}}/drmaa2j.sh}. So user
 * text never passes Flux's own rewriting: with {@code --cc}, {@code flux submit} runs the command
 * and the options {@code --job-name}, {@code --output}, {@code --error},
 * {@code --input}, {@code --queue} and {@code --setattr} through Python's {@code str.format}, which
 * is why braces in those values are refused for bulk jobs, and the job shell expands
 * {@code {{…}}} in file names, which is why such text is refused in paths.
 *
 * <p>The task index of a bulk job is {@code FLUX_JOB_CC} in the job and {@code {cc}} in the paths;
 * a single job has index 1. Flux starts one copy of the command per task ({@code -n}), one by default.
 */
final class FluxSubmitCommand {
    /** The extension keys this driver honours; {@link Extensions#MEMORY_PER_NODE_MB} is not among them. */
    static final List<String> KNOWN_EXTENSIONS = List.of(Extensions.NODES, Extensions.TASKS_PER_NODE,
            Extensions.CPUS_PER_TASK, Extensions.GPUS_PER_NODE, Extensions.DEPENDENCIES, Extensions.NATIVE_OPTIONS);
    /** The name of the script in the job's file archive. */
    static final String SCRIPT_NAME = "drmaa2j.sh";
    private static final String CC = "{cc}";

    private final ScriptRenderer renderer;
    private final String homeDirectory;

    /**
     * @param renderer the job script template
     * @param homeDirectory the user's home where the jobs run, for {@code $DRMAA2_HOME_DIR$} and the default working directory
     */
    FluxSubmitCommand(ScriptRenderer renderer, String homeDirectory) {
        this.renderer = renderer;
        this.homeDirectory = homeDirectory;
    }

    /**
     * @param t the template
     * @param bulk the index range, or null for a single job
     * @param held true to submit held whatever the template says (the driver's maxParallel emulation)
     * @return the submit command; never retried automatically
     * @throws InvalidArgumentException naming the field whose value Flux cannot take
     */
    Command build(JobTemplate t, BulkRange bulk, boolean held) {
        boolean many = bulk != null;
        ResourceRequest r = ResourceRequest.from(t);
        List<String> args = new ArrayList<>(List.of("submit"));
        if (held || t.isSubmitAsHold()) args.add("--urgency=hold");
        else if (t.getPriority() != null) args.add("--urgency=" + urgency(t.getPriority()));
        if (t.getJobName() != null) args.add("--job-name=" + formatted("jobName", oneLine("jobName", t.getJobName()), many));
        String wd = workingDirectory(t, many);
        args.add("--cwd=" + wd);
        String out = t.getOutputPath() != null ? t.getOutputPath() : t.isJoinFiles() ? t.getErrorPath() : null;
        if (out != null) args.add("--output=" + path(t.getOutputPath() != null ? "outputPath" : "errorPath", out, wd, many));
        if (t.getErrorPath() != null && !t.isJoinFiles()) args.add("--error=" + path("errorPath", t.getErrorPath(), wd, many));
        if (t.getInputPath() != null) args.add("--input=" + path("inputPath", t.getInputPath(), wd, many));
        if (r.queue() != null) args.add("--queue=" + formatted("queueName", oneLine("queueName", r.queue()), many));
        if (r.account() != null) {
            args.add("--setattr=system.bank=" + jsonString(formatted("accountingId", oneLine("accountingId", r.account()), many)));
        }
        resources(r, args);
        if (r.wallclock() != null) args.add("--time-limit=" + r.wallclock().toSeconds() + "s");
        limits(t.getResourceLimits(), args);
        if (t.getStartTime() != null) {
            args.add("--dependency=begin-time:" + t.getStartTime().getEpochSecond() + "." + String.format("%03d", t.getStartTime().getNano() / 1_000_000));
        }
        Dependencies deps = Dependencies.parse(t.getExtensions().get(Extensions.DEPENDENCIES));
        for (Dependencies.Clause c : deps.clauses()) {
            for (String id : c.jobIds()) args.add("--dependency=" + c.type() + ":" + id);
        }
        if (many) args.add("--cc=" + idset(bulk));
        args.addAll(NativeOptions.lines(t.getExtensions().get(Extensions.NATIVE_OPTIONS), "flux submit"));
        args.add("--add-file=" + SCRIPT_NAME + "=" + script(t));
        args.add("/bin/sh");
        args.add("{{tmpdir}}/" + SCRIPT_NAME);
        return Command.of(FluxCommands.argv(args)).notRetryable();
    }

    /**
     * @param t the template
     * @return the job script
     */
    String script(JobTemplate t) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("command", t.getRemoteCommand());
        model.put("args", t.getArgs());
        List<Map<String, String>> env = new ArrayList<>();
        t.getJobEnvironment().forEach((k, v) -> env.add(Map.of("name", k, "value", v)));
        model.put("environment", env);
        String s = renderer.render(model);
        return s.endsWith("\n") ? s : s + "\n";
    }

    /**
     * @param bulk the range
     * @return Flux's idset for it: {@code 1-100}, or each index for a step above one ({@code 1,3,5})
     */
    static String idset(BulkRange bulk) {
        if (bulk.step() == 1) return bulk.begin() == bulk.end() ? Long.toString(bulk.begin()) : bulk.begin() + "-" + bulk.end();
        List<String> ids = new ArrayList<>();
        for (long i : bulk.indices()) ids.add(Long.toString(i));
        return String.join(",", ids);
    }

    private static void resources(ResourceRequest r, List<String> args) {
        Integer nodes = r.nodes();
        Long tasks = r.totalTasks();
        if (tasks == null && r.tasksPerNode() != null) {
            nodes = nodes == null ? 1 : nodes;
            tasks = (long) nodes * r.tasksPerNode();
        }
        if (nodes != null) args.add("--nodes=" + nodes);
        if (tasks != null) args.add("--ntasks=" + tasks);
        if (r.cpusPerTask() != null) args.add("--cores-per-task=" + r.cpusPerTask());
        if (r.gpusPerNode() != null) {
            long perNode = tasks == null ? 1 : nodes == null ? tasks : Math.max(1, tasks / nodes);
            if (tasks != null && nodes != null && tasks % nodes != 0 || r.gpusPerNode() % perNode != 0) {
                throw new InvalidArgumentException("extensions[" + Extensions.GPUS_PER_NODE + "]", "Flux assigns GPUs per task: "
                        + r.gpusPerNode() + " GPUs per node cannot be split evenly over " + perNode + " tasks per node");
            }
            args.add("--gpus-per-task=" + (r.gpusPerNode() / perNode));
        }
    }

    /** Resource limits other than the wall clock become soft limits the job shell sets ({@code --rlimit}); sizes are bytes. */
    private static void limits(Map<ResourceLimit, Long> limits, List<String> args) {
        limits.forEach((k, v) -> {
            switch (k) {
                case CPU_TIME -> args.add("--rlimit=cpu=" + v);
                case OPEN_FILES -> args.add("--rlimit=nofile=" + v);
                case VIRTUAL_MEMORY -> args.add("--rlimit=as=" + Math.multiplyExact(v, 1024L));
                case DATA_SIZE -> args.add("--rlimit=data=" + Math.multiplyExact(v, 1024L));
                case STACK_SIZE -> args.add("--rlimit=stack=" + Math.multiplyExact(v, 1024L));
                case CORE_FILE_SIZE -> args.add("--rlimit=core=" + Math.multiplyExact(v, 1024L));
                case FILE_SIZE -> args.add("--rlimit=fsize=" + Math.multiplyExact(v, 1024L));
                case WALLCLOCK_TIME -> { }
                default -> throw new IllegalStateException("unhandled limit " + k);
            }
        });
    }

    private static String urgency(long priority) {
        if (priority < 1 || priority > 31) {
            throw new InvalidArgumentException("priority", "Flux urgency is 1 to 31 (16 is the default, above 16 only for the instance owner; 0 is hold, use submitAsHold), was " + priority);
        }
        return Long.toString(priority);
    }

    /** flux submit does not format {@code --cwd} (it is not among the options --cc rewrites): no index there. */
    private String workingDirectory(JobTemplate t, boolean many) {
        if (t.getWorkingDirectory() == null) return homeDirectory;
        String wd = t.getWorkingDirectory().replace(Placeholders.HOME_DIRECTORY, homeDirectory);
        if (wd.contains(Placeholders.WORKING_DIRECTORY)) {
            throw new InvalidArgumentException("workingDirectory", Placeholders.WORKING_DIRECTORY + " cannot be used in the working directory itself");
        }
        if (many && wd.contains(Placeholders.PARAMETRIC_INDEX)) {
            throw new InvalidArgumentException("workingDirectory", "Flux cannot use the task index in the working directory of a bulk job");
        }
        return oneLine("workingDirectory", wd).replace(Placeholders.PARAMETRIC_INDEX, "1");
    }

    /** A file name for the job shell: absolute, placeholders replaced, mustache text refused, the index as {@code {cc}}. */
    private String path(String field, String p, String wd, boolean many) {
        if (p.contains("{{") || p.contains("}}")) {
            throw new InvalidArgumentException(field, "Flux expands {{…}} in file names; such text cannot be part of a path");
        }
        String expanded = p.replace(Placeholders.HOME_DIRECTORY, homeDirectory).replace(Placeholders.WORKING_DIRECTORY, wd);
        // absolute, so that no name is taken for one of flux's own words (none, kvs, a task idset for --input)
        if (!expanded.startsWith("/")) expanded = (wd.endsWith("/") ? wd : wd + "/") + expanded;
        String checked = formatted(field, oneLine(field, expanded), many);
        return checked.replace(Placeholders.PARAMETRIC_INDEX, many ? CC : "1");
    }

    /** With --cc, flux submit passes these values through str.format: a brace would be read as a replacement field. */
    private static String formatted(String field, String value, boolean many) {
        if (many && (value.indexOf('{') >= 0 || value.indexOf('}') >= 0)) {
            String v = value.replace(CC, "");
            if (v.indexOf('{') >= 0 || v.indexOf('}') >= 0) {
                throw new InvalidArgumentException(field, "braces cannot be used here in a Flux bulk job (flux submit --cc formats this value)");
            }
        }
        return value;
    }

    private static String oneLine(String field, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InvalidArgumentException(field, "Flux cannot take line breaks here");
        }
        return value;
    }

    /** A JSON string, so that {@code --setattr} keeps any name a string (it parses values as JSON). */
    private static String jsonString(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
