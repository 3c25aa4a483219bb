// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.cli.JobPaths;
import org.drmaa2j.spi.cli.SubmitCommand;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.resources.Dependencies;
import org.drmaa2j.spi.resources.ResourceRequest;
import org.drmaa2j.spi.script.ScriptModel;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Translates a job template into one {@code qsub} call whose job script arrives on standard input.
 * On OpenPBS/PBS Pro and Torque, scheduler options become {@code #PBS} directives in the script.
 * Slurm's Torque wrapper is different: its {@code qsub} wants a script file (the driver names
 * {@code /dev/stdin}) and joins its options into ONE shell command line for {@code sbatch}, unquoted,
 * so only values that are safe as shell words go into its argv (queue, account, e-mail addresses,
 * native options are checked against a strict set of characters; everything else there is made by
 * the driver), and {@code -l} is taken once, so all resources go into one {@code -l}. Free text, the
 * job name, goes into an {@code #SBATCH --job-name="…"} directive, which sbatch reads without a shell;
 * the mail events too, since the wrapper keeps only the last of several. Either way every value is
 * checked first: a value the scheduler would split, misread or reject fails with
 * {@link InvalidArgumentException} naming the field; nothing is silently changed. The working
 * directory, the standard streams, the environment, ulimits, the command and its arguments are
 * shell-quoted lines of the script, which runs under bash, so paths may hold anything and
 * {@code $DRMAA2_INDEX$} works in all of them.
 */
final class PbsSubmitCommand implements SubmitCommand {
    /** The job variable that carries the submission tag's label on OpenPBS/PBS Pro and Torque. */
    static final String TAG_VARIABLE = "DRMAA2J_TAG";
    /** The longest job name OpenPBS accepts (PBS_MAXJOBNAME). */
    static final int PBSPRO_MAX_NAME = 236;
    /** The longest job name Torque accepts (PBS_MAXJOBNAMELEN). */
    static final int TORQUE_MAX_NAME = 256;
    private static final Pattern PBSPRO_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_+-]*");
    private static final Pattern TORQUE_NAME = Pattern.compile("[A-Za-z][\\x21-\\x7e&&[^\"'\\\\]]*");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.@%+=:,/\\[\\]-]+");
    /** Characters a POSIX shell takes literally in an unquoted word (no globs, quotes or operators). */
    private static final Pattern SHELL_WORD = Pattern.compile("[A-Za-z0-9_.@%+=:,/-]+");
    /** The script file Slurm's wrapper hands to sbatch: the job script on standard input. */
    static final String STDIN_SCRIPT = "/dev/stdin";
    private static final DateTimeFormatter PBS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss");
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ScriptRenderer renderer;
    private final PbsDialect dialect;
    private final String homeDirectory;
    private final String exitDirectory;
    private final ZoneId zone;

    /**
     * @param renderer the job script template
     * @param dialect the scheduler flavour
     * @param homeDirectory the user's home on the cluster, for {@code $DRMAA2_HOME_DIR$} and the default working directory
     * @param exitDirectory where jobs record their exit status on the cluster, or null for nowhere
     * @param zone the cluster's time zone, for start times
     */
    PbsSubmitCommand(ScriptRenderer renderer, PbsDialect dialect, String homeDirectory, String exitDirectory, ZoneId zone) {
        this.renderer = renderer;
        this.dialect = dialect;
        this.homeDirectory = homeDirectory;
        this.exitDirectory = exitDirectory;
        this.zone = zone;
    }

    /**
     * @param t the template
     * @param bulk the array range, or null for a single job
     * @return the qsub command with the script as its input, without a submission tag
     */
    Command build(JobTemplate t, BulkRange bulk) {
        return build(t, bulk, null);
    }

    /**
     * @param t the template
     * @param bulk the array range, or null for a single job
     * @param tag the submission's tag ({@link SubmissionTags}), or null; its label goes where the
     *     scheduler keeps it in the job's history: the variable {@value #TAG_VARIABLE} of the job's
     *     {@code Variable_List} ({@code -v}) on OpenPBS/PBS Pro and Torque, the Slurm job comment
     *     ({@code #SBATCH --comment}) under Slurm's wrappers
     * @return the qsub command with the script as its input; never retried automatically
     */
    @Override
    public Command build(JobTemplate t, BulkRange bulk, String tag) {
        long fixedIndex = 1;
        boolean tasks = bulk != null;
        if (bulk != null && isSingleIndex(bulk)) {
            fixedIndex = bulk.begin();
            bulk = null;
        }
        List<List<String>> options = options(t, bulk, tag);
        List<String> argv = new ArrayList<>(List.of("qsub"));
        List<String> directives = new ArrayList<>();
        if (dialect == PbsDialect.SLURM_WRAPPERS) {
            for (List<String> o : options) argv.addAll(o);
            directives.addAll(sbatchDirectives(t));
            if (tag != null) directives.add("--comment=" + SubmissionTags.label(tag));
            argv.add(STDIN_SCRIPT);
        } else {
            for (List<String> o : options) directives.add(String.join(" ", o));
        }
        return Command.of(argv).withStdin(script(t, directives, fixedIndex, tasks)).notRetryable();
    }

    /**
     * Checks every value before anything is submitted: what only a bulk job needs
     * ({@link #checkBulk}), then every value by building the single job's command.
     */
    @Override
    public void check(JobTemplate t, boolean bulk) {
        if (bulk) checkBulk(t);
        build(t, null, null);
    }

    /**
     * @param t the template
     * @return the {@code #SBATCH} directive texts for what Slurm's qsub wrapper cannot carry: the
     *     job name (any text but line breaks, in sbatch's double quotes) and several mail events
     */
    static List<String> sbatchDirectives(JobTemplate t) {
        List<String> d = new ArrayList<>();
        if (t.getJobName() != null) {
            d.add("--job-name=\"" + t.getJobName().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        List<String> events = new ArrayList<>();
        if (t.isEmailOnStarted()) events.add("BEGIN");
        if (t.isEmailOnTerminated()) events.add("END");
        if (!events.isEmpty()) d.add("--mail-type=" + String.join(",", events));
        return d;
    }

    /**
     * @param bulk an array range
     * @return true when it is submitted as a plain job: a range of one index on OpenPBS/PBS Pro,
     *     whose {@code -J} wants a range of at least two
     */
    boolean isSingleIndex(BulkRange bulk) {
        return dialect == PbsDialect.PBSPRO && bulk.indices().size() == 1;
    }

    /**
     * Checks what only a bulk job needs: OpenPBS/PBS Pro refuses a job array that is not
     * rerunnable ({@code qsub: cannot submit non-rerunable Array Job}), so a bulk job there is
     * always rerunnable, and an explicit {@code rerunnable=false} cannot be honoured.
     *
     * @param t the template of a bulk job
     * @throws UnsupportedAttributeException naming {@code rerunnable} when it was set to false on OpenPBS/PBS Pro
     */
    void checkBulk(JobTemplate t) {
        if (dialect == PbsDialect.PBSPRO && t.isRerunnableSet() && !t.isRerunnable()) {
            throw new UnsupportedAttributeException("rerunnable", "OpenPBS/PBS Pro runs a job array only as rerunnable "
                    + "(qsub: cannot submit non-rerunable Array Job); leave rerunnable unset or true for a bulk job");
        }
    }

    /** @return the scheduler options, each an option with its value as separate words, without a tag */
    List<List<String>> options(JobTemplate t, BulkRange bulk) {
        return options(t, bulk, null);
    }

    /** @return the scheduler options, each an option with its value as separate words */
    List<List<String>> options(JobTemplate t, BulkRange bulk, String tag) {
        ResourceRequest r = ResourceRequest.from(t);
        boolean wrappers = dialect == PbsDialect.SLURM_WRAPPERS;
        List<List<String>> o = new ArrayList<>();
        if (wrappers) {
            // the wrapper always names sbatch output files; the script redirects its own streams
            o.add(List.of("-o", "/dev/null"));
            o.add(List.of("-e", "/dev/null"));
        } else {
            o.add(List.of("-S", "/bin/bash"));
        }
        if (t.getJobName() != null) {
            String name = jobName(t.getJobName());
            if (!wrappers) o.add(List.of("-N", name));
        }
        if (t.isSubmitAsHold()) o.add(List.of("-h"));
        String queue = r.queue() == null ? null : token("queueName", r.queue());
        if (t.getReservationId() != null) {
            if (queue != null) throw new InvalidArgumentException("reservationId", "PBS runs a job in a reservation by submitting it to the reservation's queue; do not set queueName as well");
            queue = token("reservationId", t.getReservationId());
        }
        if (queue != null) o.add(List.of("-q", queue));
        if (r.account() != null) o.add(List.of("-A", token("accountingId", r.account())));
        if (!wrappers && (t.getOutputPath() != null || t.isJoinFiles())) o.add(List.of("-o", "/dev/null"));
        if (!wrappers && (t.getErrorPath() != null || t.isJoinFiles())) o.add(List.of("-e", "/dev/null"));
        if (bulk != null && dialect == PbsDialect.PBSPRO) {
            checkBulk(t);
            o.add(List.of("-r", "y")); // OpenPBS runs job arrays only as rerunnable jobs
        } else {
            o.add(List.of("-r", t.isRerunnable() ? "y" : "n"));
        }
        if (t.getPriority() != null) {
            if (t.getPriority() < -1024 || t.getPriority() > 1023) {
                throw new InvalidArgumentException("priority", "PBS priorities run from -1024 to 1023 (was " + t.getPriority() + ")");
            }
            o.add(List.of("-p", Long.toString(t.getPriority())));
        }
        if (t.getStartTime() != null) o.add(List.of("-a", startTime(t.getStartTime())));
        if (!t.getEmail().isEmpty()) {
            List<String> mails = new ArrayList<>();
            for (int i = 0; i < t.getEmail().size(); i++) mails.add(token("email[" + i + "]", t.getEmail().get(i)));
            o.add(List.of("-M", String.join(",", mails)));
        }
        String points = (t.isEmailOnStarted() ? "b" : "") + (t.isEmailOnTerminated() ? "e" : "");
        if (!points.isEmpty() && !wrappers) o.add(List.of("-m", points));
        List<String> resources = PbsResources.options(r, dialect);
        if (wrappers) {
            // the wrapper's -l is a single value: the last -l wins
            if (!resources.isEmpty()) o.add(List.of("-l", String.join(",", resources)));
        } else {
            for (String l : resources) o.add(List.of("-l", l));
        }
        String depend = dependencies(t.getExtensions().get(Extensions.DEPENDENCIES));
        if (depend != null) o.add(List.of("-W", "depend=" + depend));
        if (bulk != null) o.add(List.of(dialect.arrayOption(), arrayRange(bulk)));
        List<List<String>> nativeOptions = nativeOptions(t.getExtensions().get(Extensions.NATIVE_OPTIONS));
        if (tag != null && !wrappers) {
            // qsub keeps only the last -v: the tag joins a native -v list, or is one of its own
            String variable = TAG_VARIABLE + "=" + SubmissionTags.label(tag);
            int v = -1;
            for (int i = 0; i < nativeOptions.size(); i++) if (nativeOptions.get(i).get(0).equals("-v")) v = i;
            if (v >= 0 && nativeOptions.get(v).size() == 2) {
                nativeOptions.set(v, List.of("-v", variable + "," + nativeOptions.get(v).get(1)));
            } else {
                o.add(List.of("-v", variable));
            }
        }
        o.addAll(nativeOptions);
        return o;
    }

    /**
     * @param t the template
     * @param directives the {@code #PBS} directive texts
     * @return the job script, for a single job (index 1)
     */
    String script(JobTemplate t, List<String> directives) {
        return script(t, directives, 1, false);
    }

    private String script(JobTemplate t, List<String> directives, long defaultIndex, boolean bulk) {
        return ScriptModel.of(t, JobPaths.of(t, homeDirectory, bulk), bulk)
                .with(ScriptModel.DIRECTIVES, directives)
                .with("directivePrefix", dialect == PbsDialect.SLURM_WRAPPERS ? "#SBATCH" : "#PBS")
                .with("schedulerIdExpression", dialect.schedulerIdExpression())
                .with("indexExpression", "${" + dialect.indexVariable() + ":-" + defaultIndex + "}")
                .with("jobIdExpression", dialect.jobIdExpression())
                .with("exitDirectory", exitDirectory == null ? "" : exitDirectory)
                .render(renderer);
    }

    private String jobName(String name) {
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new InvalidArgumentException("jobName", "a job name cannot contain a line break");
        }
        switch (dialect) {
            case PBSPRO -> {
                if (name.length() > PBSPRO_MAX_NAME || !PBSPRO_NAME.matcher(name).matches()) {
                    throw new InvalidArgumentException("jobName", "PBS Pro/OpenPBS job names are 1 to " + PBSPRO_MAX_NAME
                            + " characters: a letter, then letters, digits, '_', '-' or '+' (was '" + name + "')");
                }
            }
            case TORQUE -> {
                if (name.length() > TORQUE_MAX_NAME || !TORQUE_NAME.matcher(name).matches()) {
                    throw new InvalidArgumentException("jobName", "Torque job names are 1 to " + TORQUE_MAX_NAME
                            + " printable ASCII characters without blanks or quotes, starting with a letter (was '" + name + "')");
                }
            }
            case SLURM_WRAPPERS -> {
                if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidArgumentException("jobName", "must not be blank or contain control characters");
                }
            }
            default -> throw new IllegalStateException("unhandled dialect " + dialect);
        }
        return name;
    }

    private String token(String field, String value) {
        if (dialect == PbsDialect.SLURM_WRAPPERS && !SHELL_WORD.matcher(value).matches()) {
            throw new InvalidArgumentException(field, "Slurm's qsub wrapper passes this value to sbatch through a shell, unquoted; "
                    + "it must be letters, digits and _ . @ % + = : , / - only (was '" + value + "')");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidArgumentException(field, "PBS reads this value from a qsub option; it must be letters, digits and "
                    + "_ . @ % + = : , / [ ] - only (was '" + value + "')");
        }
        return value;
    }

    private String startTime(Instant start) {
        if (dialect == PbsDialect.SLURM_WRAPPERS) return ISO_LOCAL.format(start.atZone(zone));
        return PBS_TIME.format(start.atZone(zone));
    }

    private String dependencies(String value) {
        Dependencies deps = Dependencies.parse(value);
        if (deps.clauses().isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (Dependencies.Clause c : deps.clauses()) {
            List<String> ids = new ArrayList<>();
            for (String id : c.jobIds()) ids.add(token("extensions[" + Extensions.DEPENDENCIES + "]", dialect.dependencyId(id)));
            parts.add(c.type() + ":" + String.join(":", ids));
        }
        return String.join(",", parts);
    }

    private String arrayRange(BulkRange b) {
        String limit = b.maxParallel() > 0 ? "%" + b.maxParallel() : "";
        if (b.step() == 1) return b.begin() + "-" + b.end() + limit;
        if (dialect != PbsDialect.TORQUE) return b.begin() + "-" + b.end() + ":" + b.step() + limit;
        // Torque has no step: list the indices, which its -t accepts
        List<Long> indices = b.indices();
        if (indices.size() > 10_000) {
            throw new InvalidArgumentException("step", "Torque has no array step; listing " + indices.size() + " indices is too many");
        }
        List<String> parts = new ArrayList<>();
        for (long i : indices) parts.add(Long.toString(i));
        return String.join(",", parts) + limit;
    }

    private List<List<String>> nativeOptions(String text) {
        List<List<String>> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (!l.startsWith("-")) {
                throw new InvalidArgumentException("extensions[" + Extensions.NATIVE_OPTIONS + "]", "'" + l + "' is not a qsub option");
            }
            List<String> words = List.of(l.split("\\s+", 2));
            if (dialect == PbsDialect.SLURM_WRAPPERS) {
                for (String w : words) token("extensions[" + Extensions.NATIVE_OPTIONS + "]", w);
            }
            out.add(words);
        }
        return out;
    }
}
