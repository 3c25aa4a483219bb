// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.parse.UnreadableOutputException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batched status query: ONE qstat per tick for all live jobs of a connection (in chunks of
 * {@value #CHUNK} ids), arrays asked for once by their array id with {@code -t}:
 * <ul>
 *   <li>OpenPBS/PBS Pro: {@code qstat -f -F json -x -t ids…}, read leniently; if the JSON option is
 *       refused, {@code qstat -f -w -x -t} text from then on;</li>
 *   <li>Torque: {@code qstat -x -t ids…} (XML); {@code qstat -f -1 -t} text if the XML cannot be read;</li>
 *   <li>Slurm's wrappers: {@code qstat -f} for all jobs (it has no {@code -t} and matches ids only as
 *       plain Slurm numbers), filtered here; array tasks are found under the Slurm number their
 *       start file names ({@link SlurmTaskIds}).</li>
 * </ul>
 * Then, with ONE more command, the exit files of jobs that qstat shows ended or no longer shows
 * (once per job, in the tick that sees its end). A job's exit file gives its exit status where qstat
 * has none, its exact end time, and the signal that killed its command where qstat reports the
 * shell's 128+N ({@link CompletionMarker#overrule}). A job qstat no longer knows and that left no
 * exit file is reported FAILED after {@value #MISSING_TICKS} ticks.
 */
final class PbsStatusQuery {
    private static final Logger LOG = LoggerFactory.getLogger(PbsStatusQuery.class);
    static final int CHUNK = 200;
    static final int MISSING_TICKS = 2;

    /** What qstat says, line by line, of ids it no longer knows or that have finished. */
    private static final CommandErrors UNKNOWN_JOBS = CommandErrors.alreadyGoneWhenEveryLine(
            "unknown job id", "job has finished", "invalid job id");

    private final CommandRunner runner;
    private final PbsDialect dialect;
    private final ZoneId zone;
    private final ExitFiles exitFiles;
    private final SlurmTaskIds taskIds;
    private final Map<String, Integer> missing = new ConcurrentHashMap<>();
    private volatile boolean jsonRefused;
    private volatile boolean xmlUnreadable;

    PbsStatusQuery(CommandRunner runner, PbsDialect dialect, ZoneId zone, ExitFiles exitFiles, SlurmTaskIds taskIds) {
        this.runner = runner;
        this.dialect = dialect;
        this.zone = zone;
        this.exitFiles = exitFiles;
        this.taskIds = taskIds;
    }

    /**
     * @param jobs the live jobs
     * @return what is known about them, by job id; jobs nothing is known about are left out
     */
    Map<String, JobInfo> query(Collection<JobRecord> jobs) {
        Map<String, JobInfo> out = new HashMap<>();
        if (jobs.isEmpty()) return out;
        if (dialect == PbsDialect.SLURM_WRAPPERS) return queryWrappers(jobs);
        Set<String> targets = new LinkedHashSet<>();
        for (JobRecord j : jobs) targets.add(j.arrayId() != null ? j.arrayId() : j.jobId());
        Map<String, Map<String, String>> records = records(new ArrayList<>(targets));
        Set<String> needExitFile = new LinkedHashSet<>();
        for (JobRecord j : jobs) {
            JobInfo info = resolve(j, records);
            if (info == null || info.getJobState().isTerminal()) needExitFile.add(j.jobId());
            if (info != null) out.put(j.jobId(), info);
        }
        Map<String, CompletionMarker> markers = exitFiles.read(needExitFile);
        applyExitFiles(jobs, out, needExitFile, markers, Set.of());
        return out;
    }

    /**
     * Slurm's wrappers: one {@code qstat -f} for all, then one read of the exit files needed and of
     * the start files of tasks whose Slurm number is not known yet.
     */
    private Map<String, JobInfo> queryWrappers(Collection<JobRecord> jobs) {
        Map<String, JobInfo> out = new HashMap<>();
        Map<String, Map<String, String>> records = run(List.of("qstat", "-f"), List.of());
        Set<String> needExitFile = new LinkedHashSet<>();
        List<String> needStartFile = new ArrayList<>();
        for (JobRecord j : jobs) {
            if (taskIds.unknownTask(j.jobId())) {
                needStartFile.add(j.jobId());
                needExitFile.add(j.jobId());
                continue;
            }
            Map<String, String> own = records.get(taskIds.shownAs(j.jobId()));
            JobInfo info = own == null ? null : PbsJobRows.toJobInfo(j.jobId(), own, dialect, zone);
            if (info == null || endedWithoutExitInformation(info)) needExitFile.add(j.jobId());
        }
        ExitFiles.Found found = exitFiles.read(needExitFile, needStartFile);
        taskIds.learn(found.schedulerIds());
        Set<String> starting = new java.util.HashSet<>();
        for (JobRecord j : jobs) {
            String number = taskIds.shownAs(j.jobId());
            Map<String, String> own = number == null ? null : records.get(number);
            if (own != null) {
                out.put(j.jobId(), PbsJobRows.toJobInfo(j.jobId(), own, dialect, zone));
                continue;
            }
            if (number != null) continue;
            // a task not known to have started: the array's own record holds the pending tasks
            Map<String, String> array = records.get(SlurmTaskIds.arrayNumber(j.jobId()));
            if (array == null) continue;
            JobInfo a = PbsJobRows.toJobInfo(j.jobId(), array, dialect, zone);
            if (a.getJobState() == JobState.QUEUED) {
                out.put(j.jobId(), a.toBuilder().allocatedMachines(List.of()).dispatchTime(null).build());
            } else if (!a.getJobState().isTerminal()) {
                // every task has started; its start file is on its way (never, without exit files)
                if (exitFiles.directory() != null) starting.add(j.jobId());
            } else if (!found.exits().containsKey(j.jobId())) {
                out.put(j.jobId(), j.info().toBuilder().jobState(JobState.FAILED).jobSubState(a.getJobSubState())
                        .exitStatus(null).dispatchTime(null).finishTime(a.getFinishTime())
                        .annotation("the array ended before this task started").build());
            }
        }
        applyExitFiles(jobs, out, needExitFile, found.exits(), starting);
        return out;
    }

    private void applyExitFiles(Collection<JobRecord> jobs, Map<String, JobInfo> out, Set<String> needExitFile,
            Map<String, CompletionMarker> markers, Set<String> starting) {
        for (JobRecord j : jobs) {
            if (!needExitFile.contains(j.jobId())) {
                missing.remove(j.jobId());
                continue;
            }
            JobInfo known = out.get(j.jobId());
            CompletionMarker m = markers.get(j.jobId());
            if (m != null) {
                out.put(j.jobId(), ended(known, j.info(), m));
                missing.remove(j.jobId());
            } else if (known == null && !starting.contains(j.jobId())) {
                int n = missing.merge(j.jobId(), 1, Integer::sum);
                if (n >= MISSING_TICKS) {
                    out.put(j.jobId(), j.info().toBuilder().jobState(JobState.FAILED).exitStatus(null)
                            .annotation("the job left qstat without an exit status").build());
                    missing.remove(j.jobId());
                }
            }
        }
    }

    /**
     * @param known what qstat shows of an ended job, or null when it no longer shows it
     * @param stored the job's last known information
     * @param m the job's exit file
     * @return the job's end: qstat's exit status, or the exit file's where qstat has none, the
     *     exit file's signal where qstat reports the shell's 128+N, and the exit file's end time
     */
    static JobInfo ended(JobInfo known, JobInfo stored, CompletionMarker m) {
        if (known == null || endedWithoutExitInformation(known)) {
            JobInfo base = known != null ? known : stored;
            return m.applyTo(base.toBuilder(), base.getDispatchTime()).jobSubState(known != null ? known.getJobSubState() : "F").build();
        }
        JobInfo i = m.overrule(known);
        if (m.end() == null || i.getDispatchTime() != null && m.end().isBefore(i.getDispatchTime())) return i;
        return i.toBuilder().finishTime(m.end()).build();
    }

    /**
     * @param job a job
     * @param records what qstat printed
     * @return the job's information: its own record, else that of its array while the array's
     *     tasks are still pending as one record; null when qstat did not show it
     */
    JobInfo resolve(JobRecord job, Map<String, Map<String, String>> records) {
        Map<String, String> own = records.get(job.jobId());
        if (own != null) return PbsJobRows.toJobInfo(job.jobId(), own, dialect, zone);
        String array = job.arrayId() != null ? job.arrayId() : QsubOutput.arrayOf(job.jobId());
        Map<String, String> parent = array == null ? null : records.get(array);
        if (parent != null) {
            JobInfo p = PbsJobRows.toJobInfo(job.jobId(), parent, dialect, zone);
            JobState s = p.getJobState();
            if (s == JobState.QUEUED || s == JobState.QUEUED_HELD) return p.toBuilder().allocatedMachines(List.of()).build();
        }
        return null;
    }

    private static boolean endedWithoutExitInformation(JobInfo i) {
        return i.getJobState().isTerminal() && i.getExitStatus() == null && i.getTerminatingSignal() == null
                && (i.getAnnotation() == null || !i.getAnnotation().startsWith("JOB_EXEC"));
    }

    /** @return every job the scheduler shows, of every user */
    List<JobInfo> all() {
        List<String> argv = switch (dialect) {
            case PBSPRO -> jsonRefused ? List.of("qstat", "-f", "-w", "-t") : List.of("qstat", "-f", "-F", "json", "-t");
            case TORQUE -> List.of("qstat", "-x", "-t");
            case SLURM_WRAPPERS -> List.of("qstat", "-f");
        };
        List<JobInfo> out = new ArrayList<>();
        run(argv, List.of()).forEach((id, attrs) -> out.add(PbsJobRows.toJobInfo(id, attrs, dialect, zone)));
        return out;
    }

    /**
     * @param targets job and array ids; empty for every job qstat shows
     * @return what {@code qstat -f -x -t} (in this dialect's form) prints of them, by id
     */
    Map<String, Map<String, String>> records(List<String> targets) {
        if (targets.isEmpty()) return run(statusOptions(), List.of());
        Map<String, Map<String, String>> out = new HashMap<>();
        for (int from = 0; from < targets.size(); from += CHUNK) {
            List<String> chunk = targets.subList(from, Math.min(targets.size(), from + CHUNK));
            out.putAll(run(statusOptions(), chunk));
        }
        return out;
    }

    private List<String> statusOptions() {
        return switch (dialect) {
            case PBSPRO -> jsonRefused ? List.of("qstat", "-f", "-w", "-x", "-t") : List.of("qstat", "-f", "-F", "json", "-x", "-t");
            case TORQUE -> xmlUnreadable ? List.of("qstat", "-f", "-1", "-t") : List.of("qstat", "-x", "-t");
            case SLURM_WRAPPERS -> List.of("qstat", "-f");
        };
    }

    private Map<String, Map<String, String>> run(List<String> options, List<String> ids) {
        List<String> argv = new ArrayList<>(options);
        argv.addAll(ids);
        CommandResult r = runner.run(Command.of(argv));
        boolean json = argv.contains("json");
        if (!r.succeeded()) {
            if (json && refusesJson(r)) {
                LOG.warn("qstat refused -F json ({}); reading its text format from now on", r.stderr().strip());
                jsonRefused = true;
                return run(List.of("qstat", "-f", "-w", "-x", "-t"), ids);
            }
            if (!onlyUnknownJobs(r)) throw new DrmCommunicationException(r.describeFailure());
        }
        String text = r.stdout();
        if (dialect == PbsDialect.TORQUE && !json && argv.contains("-x")) {
            try {
                return TorqueXml.parse(text);
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot read Torque's qstat XML ({}); reading qstat -f -1 text from now on", e.getMessage());
                xmlUnreadable = true;
                return run(List.of("qstat", "-f", "-1", "-t"), ids);
            }
        }
        return reading(argv, text, json ? t -> t.contains("{") ? QstatOutput.jobsJson(t) : Map.of() : PbsTextRecords::parse);
    }

    /**
     * @param argv the command that printed the text
     * @param text what it printed
     * @param parser the parser for it
     * @param <T> what the parser returns
     * @return the parser's result
     * @throws UnreadableOutputException carrying the text when the parser cannot read it
     */
    static <T> T reading(List<String> argv, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadableOutputException("cannot read the output of " + String.join(" ", argv) + ": " + e.getMessage(), text, e);
        }
    }

    /**
     * @param r a failed qstat
     * @return true when it failed only because some of the ids are unknown or finished (it still
     *     printed the others), or because no job matched at all
     */
    static boolean onlyUnknownJobs(CommandResult r) {
        if (r.stderr().isBlank()) return r.exitCode() == 153 || r.exitCode() == 35;
        return UNKNOWN_JOBS.isAlreadyGone(r);
    }

    private static boolean refusesJson(CommandResult r) {
        String e = r.stderr().toLowerCase(Locale.ROOT);
        return e.contains("invalid option") || e.contains("illegal option") || e.contains("usage");
    }
}
