// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.Placeholders;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.cli.JobPaths;
import org.drmaa2j.spi.cli.SubmitCommand;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.resources.ResourceRequest;
import org.drmaa2j.spi.script.CompletionTail;
import org.drmaa2j.spi.script.ScriptModel;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Translates a job template into one {@code condor_submit -terse} call whose submit description
 * travels on standard input (never a file name, never shell text). The job is
 * {@code /bin/bash -c 'eval $'…'' drmaa2j INDEX}: the job script, rendered from the Jinjava
 * template with every user value shell-quoted, is carried as one bash ANSI-C word of printable
 * ASCII ({@link BashWord#ansiC}; the executable is always {@code /bin/bash}), so no user character can end the description's line, close
 * its quotes or start one of its macros. Values the description itself holds (paths, job name,
 * e-mail) go through {@link SubmitLanguage}. A bulk job is one submission with {@code queue N}; the
 * task index is {@code $(ProcId) * step + begin}.
 */
final class CondorSubmitCommand implements SubmitCommand {
    /** The custom job attribute that carries each submission's tag. */
    static final String TAG_ATTRIBUTE = "Drmaa2jTag";
    /** The custom attribute of a late-materialized array listing the ProcIds terminated before they materialized. */
    static final String CANCELLED_ATTRIBUTE = "Drmaa2jCancelled";
    /** How long after its start time a deferred job may still begin: ten years, so "not before" is all it means. */
    static final long DEFERRAL_WINDOW_SECONDS = 10L * 365 * 24 * 3600;
    /** The submit macro holding the task index. */
    static final String INDEX_MACRO = "drmaa2j_index";
    /** Linux takes at most 128 KiB in one argument (MAX_ARG_STRLEN); the script is one. */
    static final int MAX_SCRIPT_ARGUMENT = 120_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern NATIVE_LINE = Pattern.compile("\\+?[A-Za-z_][A-Za-z0-9_.]*\\s*=.*");
    /** Submit commands native options may not set: they decide which program reads the job script. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("executable", "arguments", "args", "transfer_executable");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._:-]+");

    private final ScriptRenderer renderer;
    private final String homeDirectory;

    /**
     * @param renderer the job script template
     * @param homeDirectory the user's home directory on the submit host, for {@code $DRMAA2_HOME_DIR$}
     *        and the default working directory
     */
    CondorSubmitCommand(ScriptRenderer renderer, String homeDirectory) {
        this.renderer = renderer;
        this.homeDirectory = homeDirectory;
    }

    /**
     * Checks every value of a template by writing its description.
     *
     * @param t the template
     * @throws InvalidArgumentException naming the field of a value HTCondor cannot take
     * @throws UnsupportedAttributeException naming an attribute HTCondor has no equivalent for
     */
    void check(JobTemplate t) {
        check(t, false);
    }

    /**
     * @param t the template
     * @param bulk the index range, or null for a single job
     * @param tag the submission's tag, or null
     * @return condor_submit with the description on standard input; never retried automatically
     */
    @Override
    public Command build(JobTemplate t, BulkRange bulk, String tag) {
        return build(t, bulk, tag, CompletionTail.plain()).command();
    }

    /** A submission command and whether its job script writes the tail's completion marker. */
    record Marked(Command command, boolean marked) {
    }

    /**
     * @param t the template
     * @param bulk the index range, or null for a single job
     * @param tag the submission's tag, or null
     * @param end the job script's end: where its marker goes, or none
     * @return condor_submit with the description on standard input, and whether its script writes the
     *     marker (not when a site's template leaves {@value ScriptModel#COMPLETION} out)
     */
    Marked build(JobTemplate t, BulkRange bulk, String tag, CompletionTail end) {
        String script = script(t, bulk != null);
        String marked = end.applyTo(script);
        String d = description(t, bulk, tag, marked == null ? script : marked);
        return new Marked(Command.of("condor_submit", "-terse").withStdin(d).notRetryable(), marked != null && end.writesMarker());
    }

    /**
     * @param t the template
     * @param bulk the index range, or null for a single job
     * @param tag the submission's tag, or null
     * @return the submit description
     */
    String description(JobTemplate t, BulkRange bulk, String tag) {
        return description(t, bulk, tag, script(t, bulk != null));
    }

    private String description(JobTemplate t, BulkRange bulk, String tag, String script) {
        if (t.isEmailOnStarted()) throw new UnsupportedAttributeException("emailOnStarted", "HTCondor mails when a job ends, never when it starts");
        if (bulk != null && bulk.maxParallel() > 0 && t.isSubmitAsHold()) {
            throw new InvalidArgumentException("submitAsHold", "HTCondor cannot release tasks of a late-materialized array (maxParallel) before they"
                    + " materialize; submit a held array without maxParallel");
        }
        ResourceRequest r = ResourceRequest.from(t);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("universe", "vanilla");
        d.put("executable", "/bin/bash");
        d.put("transfer_executable", "false");
        d.put("arguments", arguments(script, largest(t)));
        d.put("getenv", "HOME, PATH");
        JobPaths paths = JobPaths.of(t, homeDirectory, bulk != null);
        d.put("initialdir", path(paths.workingDirectory(), "workingDirectory"));
        if (paths.output() != null) d.put("output", path(paths.output(), t.getOutputPath() != null ? "outputPath" : "errorPath"));
        if (paths.error() != null) d.put("error", path(paths.error(), "errorPath"));
        else if (paths.errorToOutput() && paths.output() != null) d.put("error", d.get("output"));
        if (paths.input() != null) d.put("input", path(paths.input(), "inputPath"));
        if (t.getJobName() != null) d.put("batch_name", SubmitLanguage.value(t.getJobName(), "jobName"));
        if (tag != null) {
            if (!TAG.matcher(tag).matches()) throw new IllegalArgumentException("not a submission tag: " + tag);
            d.put("+" + TAG_ATTRIBUTE, "\"" + SubmissionTags.label(tag) + "\"");
        }
        if (t.isSubmitAsHold()) d.put("hold", "true");
        resources(t, r, d);
        List<String> removeWhen = new ArrayList<>();
        List<String> requirements = new ArrayList<>();
        if (r.wallclock() != null) {
            d.put("allowed_execute_duration", Long.toString(r.wallclock().toSeconds()));
            removeWhen.add("(HoldReasonCode =?= " + CondorStates.HOLD_EXECUTE_DURATION_EXCEEDED + ")");
            // HTCondor skips allowed_execute_duration when execution began in the second of the shadow's
            // birth (seen on 23.9.6: such a job runs on); the schedd's periodic_remove ends it instead
            removeWhen.add(executeDurationBackstop(r.wallclock().toSeconds()));
        }
        if (t.getDeadlineTime() != null) removeWhen.add("(time() > " + t.getDeadlineTime().getEpochSecond() + ")");
        if (!t.isRerunnable()) {
            removeWhen.add("(JobStatus == 1 && NumJobStarts > 0)");
            requirements.add("(MY.NumJobStarts =?= 0)");
        }
        String holdWhen = null;
        if (bulk != null && bulk.maxParallel() > 0) {
            d.put("max_materialize", Long.toString(bulk.maxParallel()));
            d.put("+" + CANCELLED_ATTRIBUTE, "\"\"");
            d.put("+" + CondorLateTasks.HELD, "\"\"");
            removeWhen.add(CondorLateTasks.listed(CANCELLED_ATTRIBUTE));
            requirements.add("!" + CondorLateTasks.listed(CANCELLED_ATTRIBUTE));
            requirements.add("!" + CondorLateTasks.listed(CondorLateTasks.HELD));
            holdWhen = CondorLateTasks.listed(CondorLateTasks.HELD);
        }
        placement(t, requirements);
        if (!removeWhen.isEmpty()) d.put("periodic_remove", String.join(" || ", removeWhen));
        if (holdWhen != null) d.put("periodic_hold", holdWhen);
        if (!requirements.isEmpty()) d.put("requirements", String.join(" && ", requirements));
        mail(t, d);
        if (t.getAccountingId() != null) d.put("accounting_group", name(t.getAccountingId(), "accountingId"));
        if (t.getPriority() != null) {
            if (t.getPriority() < Integer.MIN_VALUE || t.getPriority() > Integer.MAX_VALUE) {
                throw new InvalidArgumentException("priority", "HTCondor job priorities are 32-bit integers");
            }
            d.put("priority", Long.toString(t.getPriority()));
        }
        if (t.getStartTime() != null && t.getStartTime().isAfter(Instant.now())) {
            // whole seconds, rounded up so that the job never starts early; a start time already past means now
            d.put("deferral_time", Long.toString(t.getStartTime().getEpochSecond() + (t.getStartTime().getNano() > 0 ? 1 : 0)));
            // without a window, a job the negotiator matches after its deferral time never runs
            d.put("deferral_window", Long.toString(DEFERRAL_WINDOW_SECONDS));
        }
        long step = bulk == null ? 1 : bulk.step();
        long begin = bulk == null ? 1 : bulk.begin();
        d.put(INDEX_MACRO, "$(ProcId) * " + step + " + " + begin);
        StringBuilder sb = new StringBuilder("# submitted by drmaa2j\n");
        d.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        for (String line : nativeLines(t.getExtensions().get(Extensions.NATIVE_OPTIONS))) sb.append(line).append('\n');
        sb.append(bulk == null ? "queue\n" : "queue " + ((bulk.end() - bulk.begin()) / bulk.step() + 1) + "\n");
        return sb.toString();
    }

    private static void resources(JobTemplate t, ResourceRequest r, Map<String, String> d) {
        if (r.nodes() != null && r.nodes() > 1) {
            throw new InvalidArgumentException("extensions[" + Extensions.NODES + "]", "an HTCondor vanilla-universe job runs on one machine");
        }
        long tasks = r.totalTasks() != null ? r.totalTasks() : r.tasksPerNode() != null ? r.tasksPerNode() : 1;
        long cpus = tasks * (r.cpusPerTask() == null ? 1 : r.cpusPerTask());
        if (r.totalTasks() != null || r.tasksPerNode() != null || r.cpusPerTask() != null) d.put("request_cpus", Long.toString(cpus));
        if (r.memoryPerNodeMb() != null) d.put("request_memory", Long.toString(r.memoryPerNodeMb()));
        if (r.gpusPerNode() != null) d.put("request_gpus", Long.toString(r.gpusPerNode()));
    }

    private static void placement(JobTemplate t, List<String> requirements) {
        if (!t.getCandidateMachines().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String m : t.getCandidateMachines()) any.add("(TARGET.Machine == \"" + name(m, "candidateMachines") + "\")");
            requirements.add("(" + String.join(" || ", any) + ")");
        }
        if (t.getMachineOS() != null) requirements.add("(TARGET.OpSys == \"" + opSys(t.getMachineOS()) + "\")");
        if (t.getMachineArch() != null) requirements.add("(TARGET.Arch == \"" + arch(t.getMachineArch()) + "\")");
    }

    private static void mail(JobTemplate t, Map<String, String> d) {
        if (t.getEmail().isEmpty()) return;
        List<String> addresses = new ArrayList<>();
        for (String a : t.getEmail()) {
            if (a.isBlank() || a.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == '$')) {
                throw new InvalidArgumentException("email", "'" + a + "' is not an e-mail address HTCondor can take");
            }
            addresses.add(SubmitLanguage.value(a, "email"));
        }
        d.put("notify_user", String.join(", ", addresses));
        d.put("notification", t.isEmailOnTerminated() ? "Complete" : "Never");
    }

    /** HTCondor's OpSys names. */
    static String opSys(OperatingSystem os) {
        return switch (os) {
            case LINUX -> "LINUX";
            case WIN, WINNT -> "WINDOWS";
            case MACOS -> "OSX";
            case BSD -> "FREEBSD";
            default -> throw new InvalidArgumentException("machineOS", "HTCondor runs on no machine with OpSys " + os);
        };
    }

    /** HTCondor's Arch names. */
    static String arch(CpuArchitecture a) {
        return switch (a) {
            case X64 -> "X86_64";
            case X86 -> "INTEL";
            case ARM64 -> "aarch64";
            case PPC64LE -> "ppc64le";
            default -> throw new InvalidArgumentException("machineArch", "HTCondor runs on no machine with Arch " + a);
        };
    }

    /** A name that goes into a ClassAd string or a submit value: letters, digits and {@code . _ -} only. */
    private static String name(String value, String field) {
        if (!NAME.matcher(value).matches()) {
            throw new InvalidArgumentException(field, "'" + value + "' must consist of letters, digits, '.', '_' and '-'");
        }
        return value;
    }

    /**
     * @param p a path resolved by {@link JobPaths}
     * @param field the template field it came from
     * @return the path as a submit value; the task index placeholder becomes the index macro
     */
    private static String path(String p, String field) {
        SubmitLanguage.check(JobPaths.withIndex(p, "1"), field);
        String[] parts = p.split(Pattern.quote(Placeholders.PARAMETRIC_INDEX), -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                if (parts[i - 1].endsWith("$")) throw new InvalidArgumentException(field, "a $ right before " + Placeholders.PARAMETRIC_INDEX
                        + " would read as part of an HTCondor macro");
                sb.append("$INT(").append(INDEX_MACRO).append(')');
            }
            sb.append(parts[i].replace("$", "$(DOLLAR)"));
        }
        return sb.toString();
    }

    /**
     * @param script the job script
     * @return the {@code arguments} value: {@code bash -c 'eval $'…'' drmaa2j INDEX} in HTCondor's
     *         quoted argument syntax, where {@code ''} is one single quote
     */
    private static String arguments(String script, String field) {
        String word = "eval " + BashWord.ansiC(script);
        if (word.length() > MAX_SCRIPT_ARGUMENT) {
            throw new InvalidArgumentException(field, "the job script would be " + word.length() + " bytes, more than the "
                    + MAX_SCRIPT_ARGUMENT + " that one command-line argument can carry; pass large values in files");
        }
        return "\"-c '" + word.replace("'", "''") + "' drmaa2j $INT(" + INDEX_MACRO + ")\"";
    }

    /** @return the value that makes up most of a script: {@code args[i]} or {@code jobEnvironment[NAME]} */
    private static String largest(JobTemplate t) {
        String field = "args";
        long size = -1;
        for (int i = 0; i < t.getArgs().size(); i++) {
            if (t.getArgs().get(i).length() > size) {
                size = t.getArgs().get(i).length();
                field = "args[" + i + "]";
            }
        }
        for (Map.Entry<String, String> e : t.getJobEnvironment().entrySet()) {
            if (e.getValue().length() > size) {
                size = e.getValue().length();
                field = "jobEnvironment[" + e.getKey() + "]";
            }
        }
        return field;
    }

    /**
     * @param t the template
     * @param bulk true for a bulk job's tasks
     * @return the job script, from the kit's script model
     */
    String script(JobTemplate t, boolean bulk) {
        // HTCondor signals the job's first process alone (condor_rm, condor_hold, condor_vacate_job):
        // the script passes that signal on to the command it runs
        return ScriptModel.of(t, JobPaths.of(t, homeDirectory, bulk), bulk).with(ScriptModel.COMPLETION, CompletionTail.FORWARDING_TEXT)
                .render(renderer);
    }

    /**
     * @param value the {@link Extensions#NATIVE_OPTIONS} value, or null
     * @return its submit commands, one {@code name = value} (or {@code +Attribute = value}) per line
     * @throws InvalidArgumentException naming the extension for a line that is not such a command,
     *         or a {@code queue} statement (the driver writes that itself)
     */
    static List<String> nativeLines(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String line : value.split("\r?\n|\r")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (!NATIVE_LINE.matcher(l).matches() || l.toLowerCase(java.util.Locale.ROOT).startsWith("queue") || l.endsWith("\\")) {
                throw new InvalidArgumentException("extensions[" + Extensions.NATIVE_OPTIONS + "]",
                        "'" + l + "' is not a submit-description command of the form 'name = value'");
            }
            String name = l.substring(0, l.indexOf('=')).strip().toLowerCase(java.util.Locale.ROOT);
            if (RESERVED.contains(name)) {
                // the job script is a bash word (BashWord): only /bin/bash, with these arguments, may read it
                throw new InvalidArgumentException("extensions[" + Extensions.NATIVE_OPTIONS + "]",
                        "'" + name + "' is set by the driver: the job runs the template's command through /bin/bash");
            }
            out.add(l);
        }
        return out;
    }

    /**
     * @param seconds the wall-clock limit
     * @return a periodic_remove term true once the job's current execution has lasted longer than
     *         {@code seconds} (an execution start before the current shadow's start is a previous run's)
     */
    static String executeDurationBackstop(long seconds) {
        return "((JobStatus == 2 || JobStatus == 7) && JobCurrentStartExecutingDate >= JobCurrentStartDate && time() - JobCurrentStartExecutingDate > "
                + seconds + ")";
    }
}
