// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.script.ShellQuoting;

/**
 * A DRMAA2 {@link JobTemplate} to a DRMAA 1.0 {@link NativeJobTemplate}. DRMAA 1.0 attributes are
 * used where the library has them; what DRMAA 1.0 cannot say goes through the
 * {@link NativeSpecDialect} into {@code drmaa_native_specification}; anything else raises
 * {@link UnsupportedAttributeException}.
 *
 * <p>Placeholders: in the working directory and the three paths {@code $DRMAA2_HOME_DIR$},
 * {@code $DRMAA2_WORKING_DIR$} and {@code $DRMAA2_INDEX$} become {@code $drmaa_hd_ph$},
 * {@code $drmaa_wd_ph$} and {@code $drmaa_incr_ph$} (the index is 1 in a single job). DRMAA 1.0
 * does not expand placeholders in arguments: a single job's index is written as 1; otherwise the
 * command runs through {@code /bin/sh -c} with every argument shell-quoted and the placeholders
 * as {@code "$HOME"}, {@code "$PWD"} and the dialect's task index variable.
 */
public final class TemplateTranslator {
    /** DRMAA 1.0's time format: [[[[CC]YY/]MM/]DD] hh:mm[:ss] [{-|+}UU:uu], written in UTC. */
    private static final DateTimeFormatter DRMAA_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss '+00:00'", Locale.ROOT);
    /** The attributes GFD.133 makes mandatory, assumed when the library lists none. */
    static final Set<String> MANDATORY = Set.of(REMOTE_COMMAND, JS_STATE, WD, JOB_CATEGORY, NATIVE_SPECIFICATION,
            V_EMAIL, BLOCK_EMAIL, START_TIME, JOB_NAME, INPUT_PATH, OUTPUT_PATH, ERROR_PATH, JOIN_FILES, V_ARGV, V_ENV);
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile(Pattern.quote(Placeholders.HOME_DIRECTORY) + "|"
            + Pattern.quote(Placeholders.WORKING_DIRECTORY) + "|" + Pattern.quote(Placeholders.PARAMETRIC_INDEX));

    private final NativeSpecDialect dialect;
    private final Set<String> attributes;
    private final String homeDirectory;

    /**
     * @param dialect the library's dialect
     * @param libraryAttributes the scalar and vector attribute names the library supports; empty
     *        means the mandatory set of GFD.133
     */
    public TemplateTranslator(NativeSpecDialect dialect, Set<String> libraryAttributes) {
        this(dialect, libraryAttributes, System.getProperty("user.home"));
    }

    /**
     * @param dialect the library's dialect
     * @param libraryAttributes the attribute names the library supports; empty for the mandatory set
     * @param homeDirectory what {@code $DRMAA2_HOME_DIR$} in the working directory becomes, or null
     *        to pass it to the library as {@code $drmaa_hd_ph$}
     */
    public TemplateTranslator(NativeSpecDialect dialect, Set<String> libraryAttributes, String homeDirectory) {
        this.dialect = dialect;
        this.attributes = libraryAttributes.isEmpty() ? MANDATORY : Set.copyOf(libraryAttributes);
        this.homeDirectory = homeDirectory;
    }

    /** @return the attribute names the translation relies on */
    public Set<String> attributes() {
        return attributes;
    }

    /**
     * @param t the template
     * @param range the bulk range, or null for a single job
     * @return the native template
     */
    public NativeJobTemplate translate(JobTemplate t, BulkRange range) {
        if (range != null && range.end() > Integer.MAX_VALUE) {
            throw new InvalidArgumentException("endIndex", "DRMAA 1.0 bulk indices are C ints (at most " + Integer.MAX_VALUE + ")");
        }
        boolean bulk = range != null;
        dialect.validate(t);
        List<NativeJobTemplate.Scalar> s = new ArrayList<>();
        List<NativeJobTemplate.Vector> v = new ArrayList<>();
        command(t, bulk, s, v);
        scalar(s, JS_STATE, t.isSubmitAsHold() ? SUBMISSION_STATE_HOLD : SUBMISSION_STATE_ACTIVE, "submitAsHold");
        if (t.getWorkingDirectory() != null) {
            String wd = t.getWorkingDirectory();
            // libraries do not all expand $drmaa_hd_ph$ in drmaa_wd (Grid Engine takes it literally):
            // this process's home directory is the user's home on the cluster's shared file system
            if (homeDirectory != null) wd = wd.replace(Placeholders.HOME_DIRECTORY, homeDirectory);
            scalar(s, WD, path(wd, bulk), "workingDirectory");
        }
        if (!t.getJobEnvironment().isEmpty()) {
            List<String> env = new ArrayList<>();
            t.getJobEnvironment().forEach((k, val) -> env.add(k + "=" + val));
            vector(v, V_ENV, env, "jobEnvironment");
        }
        if (t.getJobName() != null) scalar(s, JOB_NAME, t.getJobName(), "jobName");
        if (t.getInputPath() != null) scalar(s, INPUT_PATH, ":" + path(t.getInputPath(), bulk), "inputPath");
        if (t.getOutputPath() != null) scalar(s, OUTPUT_PATH, ":" + path(t.getOutputPath(), bulk), "outputPath");
        if (t.getErrorPath() != null) scalar(s, ERROR_PATH, ":" + path(t.getErrorPath(), bulk), "errorPath");
        if (t.isJoinFiles()) scalar(s, JOIN_FILES, "y", "joinFiles");
        if (t.getJobCategory() != null) scalar(s, JOB_CATEGORY, t.getJobCategory(), "jobCategory");
        Set<String> claimed = dialect.claimedFields();
        if (t.getStartTime() != null && !claimed.contains("startTime")) scalar(s, START_TIME, drmaaTime(t.getStartTime()), "startTime");
        if (t.getDeadlineTime() != null && !claimed.contains("deadlineTime")) scalar(s, DEADLINE_TIME, drmaaTime(t.getDeadlineTime()), "deadlineTime");
        if (!t.getResourceLimits().isEmpty() && !claimed.contains("resourceLimits")) limits(t, s);
        if (!t.getEmail().isEmpty() && !claimed.contains("email")) {
            if (t.isEmailOnStarted()) throw new UnsupportedAttributeException("emailOnStarted", "DRMAA 1.0 cannot select mail events");
            vector(v, V_EMAIL, t.getEmail(), "email");
            scalar(s, BLOCK_EMAIL, "0", "emailOnTerminated");
        }
        List<String> options = dialect.options(t, range);
        if (!options.isEmpty()) scalar(s, NATIVE_SPECIFICATION, String.join(" ", options), "native specification");
        return new NativeJobTemplate(s, v);
    }

    private void command(JobTemplate t, boolean bulk, List<NativeJobTemplate.Scalar> s, List<NativeJobTemplate.Vector> v) {
        List<String> args = t.getArgs();
        boolean shell = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.contains(Placeholders.HOME_DIRECTORY) || a.contains(Placeholders.WORKING_DIRECTORY)
                    || (bulk && a.contains(Placeholders.PARAMETRIC_INDEX)) || hasLineBreak(a)) {
                if (bulk && a.contains(Placeholders.PARAMETRIC_INDEX) && dialect.taskIndexVariable() == null) {
                    throw new UnsupportedAttributeException("args[" + i + "]", "this DRMAA library gives a bulk task no index variable,"
                            + " so " + Placeholders.PARAMETRIC_INDEX + " cannot be used in arguments");
                }
                shell = true;
            }
        }
        if (!shell) {
            scalar(s, REMOTE_COMMAND, t.getRemoteCommand(), "remoteCommand");
            if (!args.isEmpty()) {
                List<String> argv = new ArrayList<>();
                for (String a : args) argv.add(a.replace(Placeholders.PARAMETRIC_INDEX, "1"));
                vector(v, V_ARGV, argv, "args");
            }
            return;
        }
        StringBuilder prelude = new StringBuilder();
        StringBuilder script = new StringBuilder("exec ").append(ShellQuoting.quote(t.getRemoteCommand()));
        for (String a : args) script.append(' ').append(shellWord(a, bulk, prelude));
        script.insert(0, prelude);
        scalar(s, REMOTE_COMMAND, "/bin/sh", "remoteCommand");
        vector(v, V_ARGV, List.of("-c", script.toString()), "args");
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /**
     * One shell word for an argument. Line breaks never appear in the script (libraries such as
     * Grid Engine's pass arguments through line-based files): text holding them is assigned to a
     * variable in {@code prelude} with {@code printf %b} from an escaped one-line literal.
     */
    private String shellWord(String arg, boolean bulk, StringBuilder prelude) {
        StringBuilder w = new StringBuilder();
        Matcher m = ANY_PLACEHOLDER.matcher(arg);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) w.append(literal(arg.substring(from, m.start()), prelude));
            String p = m.group();
            if (p.equals(Placeholders.HOME_DIRECTORY)) w.append("\"$HOME\"");
            else if (p.equals(Placeholders.WORKING_DIRECTORY)) w.append("\"$PWD\"");
            else if (bulk) w.append("\"$").append(dialect.taskIndexVariable()).append('"');
            else w.append('1');
            from = m.end();
        }
        if (from < arg.length() || w.length() == 0) w.append(literal(arg.substring(from), prelude));
        return w.toString();
    }

    private static String literal(String text, StringBuilder prelude) {
        if (!hasLineBreak(text)) return ShellQuoting.quote(text);
        String var = "drmaa2j_a" + prelude.length();
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        // the x keeps trailing line breaks, which command substitution would strip
        prelude.append(var).append("=$(printf '%bx' ").append(ShellQuoting.quote(escaped)).append("); ")
                .append(var).append("=${").append(var).append("%x}; ");
        return "\"$" + var + "\"";
    }

    private static String path(String p, boolean bulk) {
        return p.replace(Placeholders.HOME_DIRECTORY, PLACEHOLDER_HD)
                .replace(Placeholders.WORKING_DIRECTORY, PLACEHOLDER_WD)
                .replace(Placeholders.PARAMETRIC_INDEX, bulk ? PLACEHOLDER_INCR : "1");
    }

    private void limits(JobTemplate t, List<NativeJobTemplate.Scalar> s) {
        for (Map.Entry<ResourceLimit, Long> e : t.getResourceLimits().entrySet()) {
            if (e.getKey() != ResourceLimit.WALLCLOCK_TIME) {
                throw new UnsupportedAttributeException("resourceLimits[" + e.getKey() + "]", "DRMAA 1.0 has no such limit");
            }
            scalar(s, WCT_HLIMIT, hms(e.getValue()), "resourceLimits[" + e.getKey() + "]");
        }
    }

    static String hms(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    static String drmaaTime(Instant i) {
        return DRMAA_TIME.format(i.atOffset(ZoneOffset.UTC));
    }

    private void scalar(List<NativeJobTemplate.Scalar> s, String name, String value, String field) {
        need(name, field);
        s.add(new NativeJobTemplate.Scalar(name, value, field));
    }

    private void vector(List<NativeJobTemplate.Vector> v, String name, List<String> values, String field) {
        need(name, field);
        v.add(new NativeJobTemplate.Vector(name, values, field));
    }

    private void need(String attribute, String field) {
        if (!attributes.contains(attribute)) {
            throw new UnsupportedAttributeException(field, "the DRMAA library does not support the attribute " + attribute);
        }
    }

    /** @return the dialect */
    public NativeSpecDialect dialect() {
        return dialect;
    }
}
