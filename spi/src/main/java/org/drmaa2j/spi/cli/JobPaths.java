// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.spi.backend.TemplateChecks;

/**
 * The working directory, standard streams and arguments of one job (or of every task of a bulk
 * job), with the DRMAA2 placeholders resolved by the one rule every driver follows:
 * <ul>
 *   <li>{@value Placeholders#HOME_DIRECTORY} is the home directory where the scheduler's commands
 *       run ({@code $HOME} there, which is what the job gets), in the working directory, the three
 *       paths and the arguments;</li>
 *   <li>the working directory is the home directory when unset, and a relative one is taken
 *       relative to the home directory; it may hold {@value Placeholders#PARAMETRIC_INDEX} but not
 *       {@value Placeholders#WORKING_DIRECTORY}, which is refused with
 *       {@link InvalidArgumentException} naming {@code workingDirectory};</li>
 *   <li>{@value Placeholders#WORKING_DIRECTORY} is that working directory, in the three paths and
 *       the arguments; a relative path is relative to it (paths come out absolute);</li>
 *   <li>{@value Placeholders#PARAMETRIC_INDEX} is 1 for a single job; for a bulk job it is left in
 *       place, for the driver to turn into the task index as its scheduler allows (a shell
 *       variable through the {@code sh('DRMAA2J_INDEX')} filter of the job script, {@code %a} in
 *       Slurm's file names, {@code %I} in LSF's, the task's own number in each task's jobspec for Flux).</li>
 * </ul>
 * With {@code joinFiles}, standard error goes where standard output goes: {@link #output()} is the
 * output path, else the error path, and {@link #error()} is null.
 */
public final class JobPaths {
    private final String home;
    private final boolean bulk;
    private final String workingDirectory;
    private final String input;
    private final String output;
    private final String error;
    private final boolean errorToOutput;
    private final List<String> args;

    private JobPaths(JobTemplate t, String home, boolean bulk) {
        this.home = stripSlash(home);
        this.bulk = bulk;
        this.workingDirectory = workingDirectory(t.getWorkingDirectory());
        this.input = path(t.getInputPath());
        String out = t.getOutputPath() != null ? t.getOutputPath() : t.isJoinFiles() ? t.getErrorPath() : null;
        this.output = path(out);
        this.error = t.isJoinFiles() ? null : path(t.getErrorPath());
        this.errorToOutput = t.isJoinFiles();
        List<String> a = new ArrayList<>();
        for (String arg : t.getArgs()) a.add(resolve(arg));
        this.args = List.copyOf(a);
    }

    /**
     * @param t the template
     * @param homeDirectory the user's home directory where the scheduler's commands run
     * @param bulk true for the tasks of a bulk job, whose index the driver fills in; false for a single job (index 1)
     * @return the resolved paths
     * @throws InvalidArgumentException naming {@code workingDirectory} when it refers to itself
     */
    public static JobPaths of(JobTemplate t, String homeDirectory, boolean bulk) {
        return new JobPaths(t, homeDirectory, bulk);
    }

    /** @return the user's home directory, without a trailing slash (except {@code /} itself) */
    public String homeDirectory() {
        return home;
    }

    /** @return the absolute working directory; for a bulk job it may hold {@value Placeholders#PARAMETRIC_INDEX} */
    public String workingDirectory() {
        return workingDirectory;
    }

    /** @return true when the working directory differs per task (a bulk job with the index in it) */
    public boolean workingDirectoryPerTask() {
        return workingDirectory.contains(Placeholders.PARAMETRIC_INDEX);
    }

    /** @return the absolute path of standard input, or null for none */
    public String input() {
        return input;
    }

    /** @return the absolute path of standard output (the error path when joinFiles has only that), or null for none */
    public String output() {
        return output;
    }

    /** @return the absolute path of standard error, or null when none is set or it joins standard output */
    public String error() {
        return error;
    }

    /** @return true when standard error goes where standard output goes (joinFiles) */
    public boolean errorToOutput() {
        return errorToOutput;
    }

    /** @return the arguments with the placeholders resolved */
    public List<String> args() {
        return args;
    }

    /**
     * @param value a template value such as an argument
     * @return it with the home and working directories filled in, and the index for a single job
     */
    public String resolve(String value) {
        if (value == null || value.indexOf("$DRMAA2_") < 0) return value;
        String v = value.replace(Placeholders.HOME_DIRECTORY, home);
        if (workingDirectory != null) v = v.replace(Placeholders.WORKING_DIRECTORY, workingDirectory);
        return bulk ? v : v.replace(Placeholders.PARAMETRIC_INDEX, "1");
    }

    /**
     * @param value a path from the template, may be null
     * @return it resolved and made absolute against the working directory; null for null
     */
    public String path(String value) {
        if (value == null) return null;
        String p = resolve(value);
        return p.startsWith("/") ? p : workingDirectory + (workingDirectory.endsWith("/") ? "" : "/") + p;
    }

    private String workingDirectory(String wd) {
        if (wd == null) return home;
        TemplateChecks.checkWorkingDirectory(wd);
        String d = resolve(wd);
        if (d.isEmpty()) return home;
        return d.startsWith("/") ? d : home + (home.endsWith("/") ? "" : "/") + d;
    }

    private static String stripSlash(String dir) {
        if (dir == null || dir.isEmpty()) throw new IllegalArgumentException("the home directory must be known");
        String d = dir;
        while (d.length() > 1 && d.endsWith("/")) d = d.substring(0, d.length() - 1);
        return d;
    }

    /**
     * @param value a resolved value that may hold {@value Placeholders#PARAMETRIC_INDEX}
     * @param index what the index becomes
     * @return the value with the index filled in
     */
    public static String withIndex(String value, String index) {
        return value == null ? null : value.replace(Placeholders.PARAMETRIC_INDEX, index);
    }
}
