// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.JobPaths;
import org.drmaa2j.spi.cli.SubmitCommand;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.resources.Dependencies;
import org.drmaa2j.spi.resources.NativeOptions;
import org.drmaa2j.spi.script.ScriptModel;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Translates a job template into one {@code bsub} call: options as argv entries (never shell text)
 * and the job script, rendered from the template, on standard input ({@code bsub < script}).
 * Native options from {@link Extensions#NATIVE_OPTIONS} become {@code #BSUB} lines of the script;
 * CPUs per task become {@code OMP_NUM_THREADS}.
 *
 * <p>The job's own standard input, output and error are redirected inside the script, so the
 * user's files hold exactly what the program wrote; LSF's job report then goes to
 * {@code /dev/null}. Without an output path LSF's default applies: {@code lsf-%J.out} (with
 * {@code _%I} for arrays) in the working directory, holding output, error and LSF's report. A
 * working directory LSF would not take literally ({@code %J} patterns, {@code $}, quotes) is
 * entered by the script alone.
 */
final class LsfSubmitCommand implements SubmitCommand {
    /** The job name of arrays submitted without one; LSF's array syntax needs a name. */
    static final String DEFAULT_ARRAY_NAME = "drmaa2j";

    private final ScriptRenderer renderer;
    private final String homeDirectory;
    private final LsfDialect dialect;
    private final ZoneId zone;
    private final CliCommands commands;

    /**
     * @param renderer the job script template
     * @param homeDirectory the user's home on the cluster, for {@code $DRMAA2_HOME_DIR$} and the default working directory
     * @param dialect the LSF release's conventions
     * @param zone the cluster's time zone, for start and deadline times
     * @param commands where bsub is
     */
    LsfSubmitCommand(ScriptRenderer renderer, String homeDirectory, LsfDialect dialect, ZoneId zone, CliCommands commands) {
        this.renderer = renderer;
        this.homeDirectory = homeDirectory;
        this.dialect = dialect;
        this.zone = zone;
        this.commands = commands;
    }

    /**
     * @param t the template
     * @param bulk the array range, or null for a single job
     * @param tag the submission's tag, or null; from LSF 10.1.0.2 it goes last, as the job description
     *        {@code -Jd drmaa2j:TAG}, so that reconciliation can find the job ({@link LsfTagLookup});
     *        a native {@code #BSUB -Jd} is overridden, as the command line wins over the script
     * @return the bsub command with the script as its input; never retried automatically
     * @throws InvalidArgumentException naming the field whose value LSF cannot take
     */
    @Override
    public Command build(JobTemplate t, BulkRange bulk, String tag) {
        JobPaths paths = JobPaths.of(t, homeDirectory, bulk != null);
        String wd = paths.workingDirectory();
        List<String> args = new ArrayList<>();
        String name = jobName(t.getJobName());
        if (bulk != null) {
            args.add("-J");
            args.add((name == null ? DEFAULT_ARRAY_NAME : name) + "[" + bulk.begin() + "-" + bulk.end() + ":" + bulk.step() + "]"
                    + (bulk.maxParallel() > 0 ? "%" + bulk.maxParallel() : ""));
        } else if (name != null) {
            args.add("-J");
            args.add(name);
        }
        if (t.isSubmitAsHold()) args.add("-H");
        if (literal(wd)) {
            args.add("-cwd");
            args.add(wd);
        }
        String reportDir = literal(wd) ? wd : literal(homeDirectory) ? homeDirectory : null;
        args.add("-o");
        if (paths.output() != null || reportDir == null) {
            args.add("/dev/null");
        } else {
            args.add(reportDir + (bulk == null ? "/lsf-%J.out" : "/lsf-%J_%I.out"));
        }
        if (t.getStartTime() != null && t.getStartTime().isAfter(Instant.now())) { // a past start means now
            args.add("-b");
            args.add(lsfTime(t.getStartTime().plusSeconds(59)));
        }
        if (t.getDeadlineTime() != null) {
            args.add("-t");
            args.add(lsfTime(t.getDeadlineTime()));
        }
        mail(t, args);
        if (t.getPriority() != null) {
            if (t.getPriority() < 1) throw new InvalidArgumentException("priority", "LSF user priorities start at 1 (was " + t.getPriority() + ")");
            args.add("-sp");
            args.add(Long.toString(t.getPriority()));
        }
        if (!t.getCandidateMachines().isEmpty()) {
            for (int i = 0; i < t.getCandidateMachines().size(); i++) word("candidateMachines[" + i + "]", t.getCandidateMachines().get(i));
            args.add("-m");
            args.add(String.join(" ", t.getCandidateMachines()));
        }
        if (t.getReservationId() != null) {
            args.add("-U");
            args.add(word("reservationId", t.getReservationId()));
        }
        if (t.isRerunnable()) args.add("-r");
        else if (dialect.current()) args.add("-rn"); // older releases lack -rn: the queue's RERUNNABLE setting applies
        String deps = dependencies(t.getExtensions().get(Extensions.DEPENDENCIES));
        if (deps != null) {
            args.add("-w");
            args.add(deps);
        }
        staging(t, args);
        args.addAll(LsfResources.options(t, dialect));
        if (tag != null && dialect.current()) {
            args.add("-Jd");
            args.add(SubmissionTags.label(tag));
        }
        Command bsub = commands.command("bsub", args);
        return bsub.withStdin(script(t, paths, bulk != null)).notRetryable();
    }

    /**
     * @param t the template
     * @param bulk true for an array's tasks
     * @return the job script
     */
    String script(JobTemplate t, boolean bulk) {
        return script(t, JobPaths.of(t, homeDirectory, bulk), bulk);
    }

    private String script(JobTemplate t, JobPaths paths, boolean bulk) {
        return ScriptModel.of(t, paths, bulk)
                .with(ScriptModel.DIRECTIVES, NativeOptions.lines(t.getExtensions().get(Extensions.NATIVE_OPTIONS), "bsub"))
                .render(renderer);
    }

    /**
     * @param dir a directory
     * @return true when LSF takes it literally in {@code -cwd} and {@code -o}: no {@code %} patterns
     *     ({@code %J}, {@code %I}, …), no variables or quotes, no task-index placeholder
     */
    private static boolean literal(String dir) {
        return !dir.contains(Placeholders.PARAMETRIC_INDEX) && dir.chars().noneMatch(c -> "%$`\\\"'".indexOf(c) >= 0 || c == '\n' || c == '\r');
    }

    private static String jobName(String name) {
        if (name == null) return null;
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new InvalidArgumentException("jobName", "LSF job names cannot contain line breaks");
        }
        if (name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            throw new InvalidArgumentException("jobName", "LSF reads '[' and ']' in a job name as a job array index list");
        }
        return name.isBlank() ? null : name;
    }

    private static void mail(JobTemplate t, List<String> args) {
        if (t.getEmail().size() > 1) {
            throw new UnsupportedAttributeException("email", "LSF mails one address per job (bsub -u); " + t.getEmail().size() + " were given");
        }
        if (!t.getEmail().isEmpty()) {
            args.add("-u");
            args.add(word("email[0]", t.getEmail().get(0)));
        }
        if (t.isEmailOnStarted()) args.add("-B");
        if (t.isEmailOnTerminated()) args.add("-N");
    }

    private static void staging(JobTemplate t, List<String> args) {
        t.getStageInFiles().forEach((src, dst) -> {
            args.add("-f");
            args.add(word("stageInFiles", src) + " > " + word("stageInFiles", dst));
        });
        t.getStageOutFiles().forEach((src, dst) -> {
            args.add("-f");
            args.add(word("stageOutFiles", dst) + " < " + word("stageOutFiles", src));
        });
    }

    /** @return LSF's {@code year:month:day:hour:minute} in the cluster's zone, to the minute */
    String lsfTime(Instant t) {
        ZonedDateTime z = t.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        return String.format("%04d:%02d:%02d:%02d:%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute());
    }

    /**
     * @param value the {@link Extensions#DEPENDENCIES} value
     * @return LSF's dependency expression, such as {@code done(11) && ended(12)}, or null
     */
    static String dependencies(String value) {
        Dependencies deps = Dependencies.parse(value);
        List<String> parts = new ArrayList<>();
        for (Dependencies.Clause c : deps.clauses()) {
            String condition = switch (c.type()) {
                case "after" -> "started";
                case "afterok" -> "done";
                case "afternotok" -> "exit";
                case "afterany" -> "ended";
                default -> throw new IllegalStateException("unhandled dependency type " + c.type());
            };
            for (String id : c.jobIds()) parts.add(condition + "(" + id + ")");
        }
        return parts.isEmpty() ? null : String.join(" && ", parts);
    }

    /** @return the value, which LSF separates by blanks, so it may not contain any */
    private static String word(String field, String value) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidArgumentException(field, "LSF cannot take '" + value + "' here: it must be non-empty without blanks or line breaks");
        }
        return value;
    }
}
