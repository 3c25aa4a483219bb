// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.CommandRunners;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.RetryPolicy;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.spi.util.MonotonicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid Engine's command-line tools beside its DRMAA 1.0 library, for what DRMAA 1.0 never reports:
 * the queue and the execution host of a job (and its granted slots). One {@code qstat -u <user>} per
 * poll tick gives the state and placement of all live jobs (one command instead of one
 * {@code drmaa_job_ps} request to the qmaster per job); an ended job's from its accounting record
 * ({@code qacct}), which Grid Engine writes within its {@code flush_time} (15 s by default).
 */
final class GridEngineCompanion implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GridEngineCompanion.class);
    /** Driver property: {@code auto} (default), {@code gridengine} or {@code none}. */
    static final String COMPANION_PROPERTY = "drmaa2j.drmaa.companion";
    /** Driver property: how long to wait for an ended job's accounting record, in milliseconds. */
    static final String ACCOUNTING_WAIT_PROPERTY = "drmaa2j.drmaa.gridengine.accountingWaitMillis";
    static final Duration DEFAULT_ACCOUNTING_WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter BEGIN = DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** qacct reads the whole accounting file: a longer cap. */
    private static final Duration ACCOUNTING_TIMEOUT = Duration.ofSeconds(120);

    private final CommandRunner runner;
    private final String user;
    private final Duration accountingWait;
    private final MonotonicClock clock;

    GridEngineCompanion(CommandRunner runner, String user, Duration accountingWait) {
        this(runner, user, accountingWait, MonotonicClock.SYSTEM);
    }

    GridEngineCompanion(CommandRunner runner, String user, Duration accountingWait, MonotonicClock clock) {
        this.runner = runner;
        this.user = user;
        this.accountingWait = accountingWait;
        this.clock = clock;
    }

    /**
     * @param settings the driver settings
     * @param drmSystem what {@code drmaa_get_DRM_system} says
     * @param path the directories of {@code PATH}
     * @return the companion: with {@code auto} when the library talks to a Grid Engine and
     *         {@code qstat} and {@code qacct} are on the path; with {@code gridengine} always;
     *         with {@code none} never
     */
    static Optional<GridEngineCompanion> configure(DriverSettings settings, String drmSystem, String path) {
        String mode = settings.get(COMPANION_PROPERTY).orElse("auto").strip().toLowerCase(Locale.ROOT);
        boolean use = switch (mode) {
            case "none" -> false;
            case "gridengine" -> true;
            case "auto" -> isGridEngine(drmSystem) && onPath(path, "qstat") && onPath(path, "qacct");
            default -> throw new InvalidArgumentException(COMPANION_PROPERTY, "'" + mode + "' is not auto, gridengine or none");
        };
        if (!use) return Optional.empty();
        CommandRunner runner = CommandRunners.open(Contact.LOCAL, RetryPolicy.DEFAULT, TransientFailures.common());
        Duration wait = settings.millis(ACCOUNTING_WAIT_PROPERTY, DEFAULT_ACCOUNTING_WAIT);
        return Optional.of(new GridEngineCompanion(runner, System.getProperty("user.name"), wait));
    }

    /** @param drmSystem the library's DRM system @return true for the Grid Engine family */
    static boolean isGridEngine(String drmSystem) {
        String d = drmSystem == null ? "" : drmSystem.toUpperCase(Locale.ROOT);
        return d.contains("SGE") || d.contains("GRID ENGINE") || d.contains("GRIDENGINE") || d.startsWith("OGS")
                || d.startsWith("UGE");
    }

    static boolean onPath(String path, String program) {
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /**
     * @return this user's jobs Grid Engine lists (queued, held, running, suspended), by DRMAA job id;
     *         null when {@code qstat} failed
     */
    Map<String, GridEngineJobList.Row> jobs() {
        return query(Command.of("qstat", "-u", user), GridEngineJobList::parse);
    }

    /** @return how long to wait for an ended job's accounting record */
    Duration accountingWait() {
        return accountingWait;
    }

    /**
     * One {@code qacct} call for ended jobs: {@code qacct -j N} when they share one job number, else
     * {@code qacct -o <user> -b <earliest start> -j} (every job of the user started since then).
     *
     * @param jobIds ended jobs' DRMAA ids ({@code 7} or {@code 7.2})
     * @param earliestStart when the earliest of them started
     * @return the accounting records found, by DRMAA job id (records of other jobs may be included)
     */
    Map<String, Placement> accounting(Collection<String> jobIds, Instant earliestStart) {
        Set<String> numbers = new HashSet<>();
        for (String id : jobIds) {
            int dot = id.indexOf('.');
            numbers.add(dot < 0 ? id : id.substring(0, dot));
        }
        Command c;
        if (numbers.size() == 1) {
            c = Command.of("qacct", "-j", numbers.iterator().next());
        } else {
            // -b is a start time ([[CC]YY]MMDDhhmm[.SS]) in the local time of the tools (this machine's)
            String begin = BEGIN.format(earliestStart.minusSeconds(1).atZone(ZoneId.systemDefault()));
            c = Command.of("qacct", "-o", user, "-b", begin, "-j");
        }
        Map<String, Placement> found = query(c, GridEngineAccounting::parse);
        return found == null ? Map.of() : found;
    }

    /**
     * Finds submissions by the tag in their job names ({@link GridEngineTags}): one
     * {@code qstat -u USER -r} for the jobs Grid Engine holds, and, for the tags not there, one
     * {@code qacct -o USER -b SINCE -j} for the jobs that ended. A job that ended shortly before the
     * {@code qstat} is in neither until Grid Engine writes its accounting record (within its
     * {@code flush_time}): so a tag not found is looked up again, {@code qstat} then {@code qacct},
     * once the accounting wait has passed since the first {@code qstat} began. Only a tag neither
     * lookup found is left out.
     *
     * @param tags the tags looked for
     * @param since a time before any of them started
     * @return the job number of each tag found
     * @throws org.drmaa2j.DrmCommunicationException when Grid Engine's tools cannot answer (nothing may
     *         then be concluded from a tag not found)
     * @throws org.drmaa2j.InternalException when interrupted while waiting for the second lookup
     */
    Map<String, String> jobNumbersByTag(Collection<String> tags, Instant since) {
        long first = clock.nanoTime();
        Map<String, String> found = lookUp(tags, since);
        if (found.keySet().containsAll(tags)) return found;
        long until = first + accountingWait.toNanos();
        Object monitor = new Object();
        synchronized (monitor) {
            for (long left = until - clock.nanoTime(); left > 0; left = until - clock.nanoTime()) {
                try {
                    clock.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.drmaa2j.InternalException("interrupted while looking submission tags up again", e);
                }
            }
        }
        Set<String> missing = new HashSet<>(tags);
        missing.removeAll(found.keySet());
        lookUp(missing, since).forEach(found::putIfAbsent);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) LOG.debug("in neither qstat nor qacct, twice {} apart: {}", accountingWait, missing);
        return found;
    }

    private Map<String, String> lookUp(Collection<String> tags, Instant since) {
        Map<String, String> found = new java.util.HashMap<>();
        CommandResult q = runner.run(Command.of("qstat", "-u", user, "-r").withTimeout(COMMAND_TIMEOUT));
        if (!q.succeeded()) throw new org.drmaa2j.DrmCommunicationException(q.describeFailure());
        GridEngineTags.fromQstat(q.stdout()).forEach((t, n) -> {
            if (tags.contains(t)) found.put(t, n);
        });
        if (found.keySet().containsAll(tags)) return found;
        String begin = BEGIN.format(since.atZone(ZoneId.systemDefault()));
        CommandResult a = runner.run(Command.of("qacct", "-o", user, "-b", begin, "-j").withTimeout(ACCOUNTING_TIMEOUT));
        if (a.succeeded()) {
            GridEngineTags.fromQacct(a.stdout()).forEach((t, n) -> {
                if (tags.contains(t)) found.putIfAbsent(t, n);
            });
        } else if (!(a.stderr() + a.stdout()).contains("accounting file")) { // no job has ended yet: no file
            throw new org.drmaa2j.DrmCommunicationException(a.describeFailure());
        }
        return found;
    }

    /**
     * @param earliestStart a time before the jobs of interest started
     * @return how this user's jobs started since then ended, by DRMAA job id; empty while Grid Engine
     *         has not written them (or cannot be asked)
     */
    Map<String, GridEngineAccounting.End> endsSince(Instant earliestStart) {
        String begin = BEGIN.format(earliestStart.atZone(ZoneId.systemDefault()));
        Map<String, GridEngineAccounting.End> found = query(Command.of("qacct", "-o", user, "-b", begin, "-j"), GridEngineAccounting::ends);
        return found == null ? Map.of() : found;
    }

    private <T> Map<String, T> query(Command c, Function<String, Map<String, T>> parser) {
        try {
            CommandResult r = runner.run(c.withTimeout(c.program().equals("qacct") ? ACCOUNTING_TIMEOUT : COMMAND_TIMEOUT));
            if (r.succeeded()) return parser.apply(r.stdout());
            LOG.debug("{}", r.describeFailure());
        } catch (Drmaa2Exception e) {
            LOG.warn("{}: {}", c, e.getMessage());
        }
        return null;
    }

    @Override
    public void close() {
        runner.close();
    }
}
