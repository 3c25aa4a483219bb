// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.cli.JobPaths;
import org.drmaa2j.spi.cli.SubmitCommand;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.resources.Dependencies;
import org.drmaa2j.spi.resources.NativeOptions;
import org.drmaa2j.spi.resources.ResourceRequest;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.script.ScriptModel;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Translates a job template into one {@code sbatch} call: options as argv entries (never shell
 * text) and the job script, rendered from the template with every user value quoted, on standard
 * input. Native options from {@link Extensions#NATIVE_OPTIONS} come last, one argv entry per line.
 *
 * <p>Templates are immutable, so the last one prepared keeps its script and, unless it names
 * times relative to now, its argv: a program that submits the same template again and again has
 * it checked and rendered once.
 */
final class SlurmSubmitCommand implements SubmitCommand {
    private final ScriptRenderer renderer;
    private final String homeDirectory;
    private volatile Prepared last;

    /** A template with its script and, when it does not depend on the time of submission, its single-job argv (else null). */
    private record Prepared(JobTemplate template, List<String> argv, String script) {
    }

    /**
     * @param renderer the job script template
     * @param homeDirectory the user's home on the cluster, for {@code $DRMAA2_HOME_DIR$}
     */
    SlurmSubmitCommand(ScriptRenderer renderer, String homeDirectory) {
        this.renderer = renderer;
        this.homeDirectory = homeDirectory;
    }

    /**
     * @param t the template
     * @param bulk the array range, or null for a single job
     * @return the sbatch command with the script as its input; never retried automatically
     */
    Command build(JobTemplate t, BulkRange bulk) {
        return build(t, bulk, null);
    }

    /**
     * @param t the template
     * @param bulk the array range, or null for a single job
     * @param tag the submission's tag, or null; it goes last, as {@code --comment=drmaa2j:TAG}, so
     *        that reconciliation can find the job (the comment is the driver's: a native
     *        {@code --comment} is overridden)
     * @return the sbatch command with the script as its input; never retried automatically
     */
    @Override
    public Command build(JobTemplate t, BulkRange bulk, String tag) {
        Prepared p = prepare(t);
        List<String> argv = new ArrayList<>(bulk == null && p.argv() != null ? p.argv() : arguments(t, bulk));
        if (tag != null) argv.add("--comment=" + SubmissionTags.label(tag));
        return Command.of(argv).withStdin(bulk == null ? p.script() : script(t, true)).notRetryable();
    }

    /**
     * Checks every value of a template and renders its script, or finds both done for this very
     * template.
     *
     * @param t the template
     * @param bulk not needed: the checks are the same
     * @throws InvalidArgumentException naming the field of a value Slurm cannot take
     */
    @Override
    public void check(JobTemplate t, boolean bulk) {
        prepare(t);
    }

    private Prepared prepare(JobTemplate t) {
        Prepared p = last;
        if (p != null && p.template() == t) return p;
        List<String> argv = List.copyOf(arguments(t, null));
        boolean timeless = t.getStartTime() == null && t.getDeadlineTime() == null;
        p = new Prepared(t, timeless ? argv : null, script(t, false));
        last = p;
        return p;
    }

    /**
     * @param t the template
     * @param bulk the array range, or null for a single job
     * @return the sbatch argv; building it checks every value, so a bad one fails before anything runs
     */
    List<String> arguments(JobTemplate t, BulkRange bulk) {
        ResourceRequest r = ResourceRequest.from(t);
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (t.isSubmitAsHold()) argv.add("--hold");
        if (t.getJobName() != null) argv.add("--job-name=" + jobName(t.getJobName()));
        boolean array = bulk != null;
        JobPaths paths = JobPaths.of(t, homeDirectory, array);
        // a task's own directory (the index in it) is entered by the script; sbatch's --chdir cannot hold %a
        argv.add("--chdir=" + (paths.workingDirectoryPerTask() ? homeDirectory : paths.workingDirectory()));
        if (paths.output() != null) argv.add("--output=" + path(paths.output()));
        if (paths.error() != null) argv.add("--error=" + path(paths.error()));
        if (paths.input() != null) argv.add("--input=" + path(paths.input()));
        if (r.queue() != null) argv.add("--partition=" + r.queue());
        if (r.account() != null) argv.add("--account=" + r.account());
        if (r.nodes() != null) argv.add("--nodes=" + r.nodes());
        if (r.totalTasks() != null) argv.add("--ntasks=" + r.totalTasks());
        if (r.tasksPerNode() != null) argv.add("--ntasks-per-node=" + r.tasksPerNode());
        if (r.cpusPerTask() != null) argv.add("--cpus-per-task=" + r.cpusPerTask());
        if (r.memoryPerNodeMb() != null) argv.add("--mem=" + r.memoryPerNodeMb());
        if (r.gpusPerNode() != null) argv.add("--gres=gpu:" + r.gpusPerNode());
        if (r.wallclock() != null) argv.add("--time=" + minutesSeconds(r.wallclock()));
        if (t.getStartTime() != null) argv.add("--begin=now+" + secondsFromNow(t.getStartTime()));
        if (t.getDeadlineTime() != null) argv.add("--deadline=now+" + Math.max(1, secondsFromNow(t.getDeadlineTime())));
        if (!t.getEmail().isEmpty()) argv.add("--mail-user=" + String.join(",", t.getEmail()));
        String mailType = t.isEmailOnStarted() && t.isEmailOnTerminated() ? "BEGIN,END"
                : t.isEmailOnStarted() ? "BEGIN" : t.isEmailOnTerminated() ? "END" : null;
        if (mailType != null) argv.add("--mail-type=" + mailType);
        argv.add(t.isRerunnable() ? "--requeue" : "--no-requeue");
        if (t.getReservationId() != null) argv.add("--reservation=" + t.getReservationId());
        Dependencies deps = Dependencies.parse(t.getExtensions().get(Extensions.DEPENDENCIES));
        if (!deps.clauses().isEmpty()) {
            List<String> parts = new ArrayList<>();
            deps.clauses().forEach(c -> parts.add(c.type() + ":" + String.join(":", c.jobIds())));
            argv.add("--dependency=" + String.join(",", parts));
        }
        if (bulk != null) {
            argv.add("--array=" + bulk.begin() + "-" + bulk.end() + ":" + bulk.step()
                    + (bulk.maxParallel() > 0 ? "%" + bulk.maxParallel() : ""));
        }
        argv.addAll(NativeOptions.lines(t.getExtensions().get(Extensions.NATIVE_OPTIONS), "sbatch"));
        return argv;
    }

    /**
     * @param t the template
     * @param bulk true for an array's tasks
     * @return the job script
     */
    String script(JobTemplate t, boolean bulk) {
        return ScriptModel.of(t, JobPaths.of(t, homeDirectory, bulk), bulk).render(renderer);
    }

    /** The longest job name slurmctld accepts, in bytes (longer ones fail with "Pathname … too long"). */
    static final int MAX_JOB_NAME_BYTES = 1024;

    /** Slurm stores job names on one line and turns {@code "} into a backtick: refuse rather than mangle. */
    private static String jobName(String name) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_JOB_NAME_BYTES) {
            throw new InvalidArgumentException("jobName", "Slurm job names are at most " + MAX_JOB_NAME_BYTES + " bytes long");
        }
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new InvalidArgumentException("jobName", "Slurm job names cannot contain line breaks");
        }
        if (name.indexOf('"') >= 0) {
            throw new InvalidArgumentException("jobName", "Slurm replaces the double quote in job names with a backtick");
        }
        return name;
    }

    /**
     * Slurm file names: {@code %} is special ({@code %%} is a literal one); an array task's index is {@code %a}.
     */
    private static String path(String resolved) {
        return JobPaths.withIndex(resolved.replace("%", "%%"), "%a");
    }

    /** Whole seconds from now until {@code t}, rounded up so that Slurm never starts early. */
    private static long secondsFromNow(Instant t) {
        Duration d = Duration.between(Instant.now(), t);
        if (d.isNegative()) return 0;
        return d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    }

    private static String minutesSeconds(Duration d) {
        long s = d.toSeconds();
        return (s / 60) + ":" + String.format("%02d", s % 60);
    }
}
