// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.cli.JobPaths;
import org.drmaa2j.spi.resources.ResourceRequest;

/**
 * The variables a job-script template sees: the contract between the drivers and site templates
 * ({@value ScriptRenderer#TEMPLATE_PROPERTY}, {@value ScriptRenderer#TEMPLATE_DIR_PROPERTY}).
 * Every CLI driver gives every template all of these, with these names and meanings:
 *
 * <table>
 *   <caption>Template variables</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@value #COMMAND}</td><td>the remote command</td></tr>
 *   <tr><td>{@value #ARGS}</td><td>its arguments, placeholders resolved; in a bulk job
 *       {@code $DRMAA2_INDEX$} is left for {@code sh('DRMAA2J_INDEX')}</td></tr>
 *   <tr><td>{@value #ENVIRONMENT}</td><td>list of {@code {name, value}}, the job environment</td></tr>
 *   <tr><td>{@value #WORKING_DIRECTORY}</td><td>the absolute working directory (see {@link JobPaths})</td></tr>
 *   <tr><td>{@value #INPUT}, {@value #OUTPUT}, {@value #ERROR}</td><td>absolute paths of standard
 *       input, output and error, or {@code ""} where the template sets none (or error joins output)</td></tr>
 *   <tr><td>{@value #ERROR_TO_OUTPUT}</td><td>true when standard error goes with standard output (joinFiles)</td></tr>
 *   <tr><td>{@value #ULIMITS}</td><td>{@code ulimit} arguments for the resource limits ({@link Ulimits})</td></tr>
 *   <tr><td>{@value #OMP_THREADS}</td><td>CPUs per task as text, or {@code ""}</td></tr>
 *   <tr><td>{@value #DIRECTIVES}</td><td>the scheduler's directive texts for the script's header
 *       (print them with the {@code directive} filter); empty where the driver passes options on its command line</td></tr>
 *   <tr><td>{@value #BULK}</td><td>true for the tasks of a bulk job</td></tr>
 *   <tr><td>{@value #COMPLETION}</td><td>the script's end ({@link CompletionTail}): print it once,
 *       right after {@code DRMAA2J_INDEX} is set and before anything that may exit, and run the
 *       command with the {@code drmaa2j_run} it defines, never with {@code exec}</td></tr>
 * </table>
 *
 * Every user value must be printed through the {@code sh} filter; values that may hold the task
 * index through {@code sh('DRMAA2J_INDEX')}, with the script setting {@code DRMAA2J_INDEX} from its
 * scheduler's variable first. A job script looks like this:
 * <pre>{@code
 * DRMAA2J_INDEX=${SLURM_ARRAY_TASK_ID:-1}
 * {{ completion }}
 * cd -- {{ workingDirectory | sh('DRMAA2J_INDEX') }} || exit 125
 * drmaa2j_run {{ command | sh }}{% if args %} {{ args | sh('DRMAA2J_INDEX') }}{% endif %}
 * }</pre> A driver may add variables of its own (documented in its README);
 * the renderer refuses a template that uses a variable the model lacks.
 */
public final class ScriptModel {
    /** The remote command. */
    public static final String COMMAND = "command";
    /** The arguments. */
    public static final String ARGS = "args";
    /** The job environment, a list of {@code {name, value}}. */
    public static final String ENVIRONMENT = "environment";
    /** The absolute working directory. */
    public static final String WORKING_DIRECTORY = "workingDirectory";
    /** Standard input's path, or empty. */
    public static final String INPUT = "input";
    /** Standard output's path, or empty. */
    public static final String OUTPUT = "output";
    /** Standard error's path, or empty. */
    public static final String ERROR = "error";
    /** True when standard error joins standard output. */
    public static final String ERROR_TO_OUTPUT = "errorToOutput";
    /** The ulimit arguments. */
    public static final String ULIMITS = "ulimits";
    /** CPUs per task, or empty. */
    public static final String OMP_THREADS = "ompThreads";
    /** Directive texts for the header. */
    public static final String DIRECTIVES = "directives";
    /** True for a bulk job's tasks. */
    public static final String BULK = "bulk";
    /** The script's end: {@code drmaa2j_run}, the exit trap and the completion marker ({@link CompletionTail#TEXT}). */
    public static final String COMPLETION = "completion";
    /** Every name above, in order. */
    public static final List<String> NAMES = List.of(COMMAND, ARGS, ENVIRONMENT, WORKING_DIRECTORY, INPUT, OUTPUT, ERROR,
            ERROR_TO_OUTPUT, ULIMITS, OMP_THREADS, DIRECTIVES, BULK, COMPLETION);

    private final Map<String, Object> values = new LinkedHashMap<>();

    private ScriptModel(JobTemplate t, JobPaths paths, boolean bulk) {
        values.put(COMMAND, t.getRemoteCommand());
        values.put(ARGS, paths.args());
        List<Map<String, String>> env = new ArrayList<>();
        t.getJobEnvironment().forEach((k, v) -> env.add(Map.of("name", k, "value", v)));
        values.put(ENVIRONMENT, env);
        values.put(WORKING_DIRECTORY, paths.workingDirectory());
        values.put(INPUT, orEmpty(paths.input()));
        values.put(OUTPUT, orEmpty(paths.output()));
        values.put(ERROR, orEmpty(paths.error()));
        values.put(ERROR_TO_OUTPUT, paths.errorToOutput() && paths.output() != null);
        values.put(ULIMITS, Ulimits.bashArguments(t.getResourceLimits()));
        Integer threads = ResourceRequest.from(t).cpusPerTask();
        values.put(OMP_THREADS, threads == null ? "" : threads.toString());
        values.put(DIRECTIVES, List.of());
        values.put(BULK, bulk);
        values.put(COMPLETION, CompletionTail.TEXT);
    }

    /**
     * @param t the template
     * @param paths its paths, resolved
     * @param bulk true for a bulk job's tasks
     * @return the model with every standard variable
     */
    public static ScriptModel of(JobTemplate t, JobPaths paths, boolean bulk) {
        return new ScriptModel(t, paths, bulk);
    }

    /**
     * Sets a variable: a standard one the driver fills differently ({@link #DIRECTIVES}), or one of its own.
     *
     * @param name the variable
     * @param value its value
     * @return this model
     */
    public ScriptModel with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** @return the variables, in a map the renderer takes */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param renderer the driver's or the site's template
     * @return the rendered script
     */
    public String render(ScriptRenderer renderer) {
        return renderer.render(values);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
