// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.drmaa2j.spi.util.MonotonicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batched status query: one {@code squeue} for all of the user's jobs, finished ones included,
 * and, only when some asked-about jobs have left the controller, one {@code sacct} for those. Never
 * one command per job. Times are read as
 * epoch seconds ({@code SLURM_TIME_FORMAT=%s}), so the cluster's time zone does not matter.
 */
final class SlurmStatusQuery {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmStatusQuery.class);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final CommandRunner runner;
    private final Supplier<SlurmRelease> release;
    private final MonotonicClock clock;
    private final AtomicBoolean exitFormatMismatchLogged = new AtomicBoolean();
    /** How long a job squeue shows as finished may wait for its accounting record before squeue's word is taken. */
    static final java.time.Duration ACCOUNTING_GRACE = java.time.Duration.ofSeconds(60);

    private volatile boolean accountingAvailable = true;
    private final Map<String, Long> finishedWithoutAccounting = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param runner runs the commands
     * @param release the connection's Slurm release, learned once; it says how squeue prints exit codes
     */
    SlurmStatusQuery(CommandRunner runner, Supplier<SlurmRelease> release) {
        this(runner, release, MonotonicClock.SYSTEM);
    }

    /**
     * @param runner runs the commands
     * @param release the connection's Slurm release
     * @param clock measures {@link #ACCOUNTING_GRACE}
     */
    SlurmStatusQuery(CommandRunner runner, Supplier<SlurmRelease> release, MonotonicClock clock) {
        this.runner = runner;
        this.release = release;
        this.clock = clock;
    }

    /**
     * squeue lists the user's finished jobs with their exit codes for as long as the controller keeps
     * them ({@code MinJobAge}), so a normal tick is that one command. sacct is asked only about jobs
     * squeue no longer lists (older than MinJobAge, or after a controller restart), and about
     * finished jobs whose exit code squeue could not give.
     *
     * @param jobIds the jobs to report on
     * @return what is known about them; jobs neither command knows are left out
     */
    Map<String, JobInfo> query(Collection<String> jobIds) {
        Map<String, JobInfo> found = new HashMap<>();
        if (jobIds.isEmpty()) return found;
        Set<String> wanted = new HashSet<>(jobIds);
        for (JobInfo i : squeue(List.of("--me"), wanted::contains)) found.put(i.getJobId(), i);
        List<String> missing = new ArrayList<>();
        for (String id : jobIds) {
            JobInfo i = found.get(id);
            if (i == null || i.getJobState().isTerminal() && i.getExitStatus() == null && i.getTerminatingSignal() == null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty() && accountingAvailable) {
            Map<String, JobInfo> accounted = sacct(missing);
            Map<String, JobInfo> fromAccounting = new HashMap<>();
            for (String id : missing) {
                JobInfo queued = found.get(id);
                JobInfo acct = accounted.get(id);
                if (acct != null && acct.getJobState().isTerminal() && !isComplete(acct)) {
                    acct = null; // slurmdbd has not finished the record yet: ask again next tick
                }
                if (acct != null && (queued == null || acct.getJobState().isTerminal())) {
                    fromAccounting.put(id, queued == null ? acct : merge(acct, queued));
                    finishedWithoutAccounting.remove(id);
                } else if ((queued == null || queued.getJobState().isTerminal()) && accountingAvailable) {
                    // finished, but accounting has no exit code yet: wait for it, within reason
                    long since = finishedWithoutAccounting.computeIfAbsent(id, k -> clock.nanoTime());
                    if (clock.nanoTime() - since < ACCOUNTING_GRACE.toNanos()) {
                        found.remove(id);
                    } else {
                        finishedWithoutAccounting.remove(id);
                        if (queued == null && accounted.get(id) != null) fromAccounting.put(id, accounted.get(id));
                    }
                }
            }
            confirmHighExitCodes(fromAccounting);
            found.putAll(fromAccounting);
        }
        return found;
    }

    /**
     * slurmdbd 22.05 loses the top bit of exit codes (255 is stored as 127, 254 as 126), while the
     * controller keeps them right. A code of 126 or more from sacct is therefore checked with
     * {@code scontrol show job} while the controller still holds the job (MinJobAge). High exit
     * codes are rare, so this costs nothing in the common case.
     */
    private void confirmHighExitCodes(Map<String, JobInfo> found) {
        found.replaceAll((id, info) -> {
            if (!info.getJobState().isTerminal() || info.getExitStatus() == null || info.getExitStatus() < 126) return info;
            CommandResult r = runner.run(Command.of("env", "SLURM_TIME_FORMAT=%s", "scontrol", "--oneliner", "show", "job", id));
            if (!r.succeeded()) return info;
            int[] exit = SlurmJobRows.exitCode(ScontrolJobRecord.parse(r.stdout()).get("exitcode"));
            return exit == null || exit[1] != 0 ? info : info.toBuilder().exitStatus(exit[0]).build();
        });
    }

    /**
     * @return false for an accounting record slurmdbd is still filling in: no end time, or FAILED
     *     with exit code 0 and no signal (the exit code and signal arrive a moment later)
     */
    static boolean isComplete(JobInfo acct) {
        if (acct.getFinishTime() == null) return false;
        return !("FAILED".equals(acct.getJobSubState()) && Integer.valueOf(0).equals(acct.getExitStatus())
                && acct.getTerminatingSignal() == null);
    }

    /**
     * The accounting record decides state, exit code and times; the controller's record, when there
     * is one, decides name, partition, nodes and slots, because slurmdbd fills those in late (a job
     * that ended within a second can show the name "allocation" and no partition).
     */
    private static JobInfo merge(JobInfo acct, JobInfo queued) {
        JobInfo.Builder b = acct.toBuilder().jobName(queued.getJobName());
        if (queued.getQueueName() != null) b.queueName(queued.getQueueName());
        if (!queued.getAllocatedMachines().isEmpty()) b.allocatedMachines(queued.getAllocatedMachines());
        if (queued.getSlots() != null) b.slots(queued.getSlots());
        if (acct.getDispatchTime() == null) b.dispatchTime(queued.getDispatchTime());
        return b.build();
    }

    /**
     * @param selection extra squeue arguments, such as {@code --me}; empty for every user's jobs
     * @return one JobInfo per job and array task in the queue
     */
    List<JobInfo> squeue(List<String> selection) {
        return squeue(selection, id -> true);
    }

    /**
     * @param selection extra squeue arguments
     * @param wanted which job ids to read; the user's other rows (finished jobs linger for
     *     {@code MinJobAge}) are skipped before they cost any parsing
     * @return one JobInfo per wanted job and array task in the queue
     */
    private List<JobInfo> squeue(List<String> selection, Predicate<String> wanted) {
        SlurmRelease rel = release.get();
        List<String> argv = new ArrayList<>(List.of("env", "SLURM_TIME_FORMAT=%s", "squeue", "--noheader", "--array",
                "--states=all", "--Format=" + SlurmJobRows.SQUEUE_FORMAT));
        argv.addAll(selection);
        CommandResult r = runner.run(Command.of(argv));
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        DelimitedTable t = DelimitedTable.withColumns(r.stdout(), "|", SlurmJobRows.SQUEUE_COLUMNS);
        if (!t.malformed().isEmpty()) LOG.warn("squeue printed lines that do not fit its format: {}", t.malformed());
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, String> row : t.rows()) {
            if (!wanted.test(row.get("jobid"))) continue;
            checkExitFormat(rel, row.get("squeueexit"));
            out.add(SlurmJobRows.toJobInfo(row, UTC));
        }
        return out;
    }

    /**
     * Both forms of squeue's exit code are read whatever the release (they never look alike); a form
     * the release does not print is logged once, because it means the version was misread.
     */
    private void checkExitFormat(SlurmRelease rel, String exit) {
        if (exit == null || exit.isBlank() || SlurmJobRows.isExitSignal(exit) == rel.squeueExitCodeIsExitSignal()) return;
        if (exitFormatMismatchLogged.compareAndSet(false, true)) {
            LOG.warn("squeue of {} printed the exit code '{}', which that release does not print; read it as {}", rel, exit,
                    SlurmJobRows.isExitSignal(exit) ? "exit:signal" : "a wait status");
        }
    }

    private Map<String, JobInfo> sacct(List<String> wantedIds) {
        Map<String, JobInfo> out = new HashMap<>();
        Set<String> wanted = new HashSet<>(wantedIds);
        List<String> ids = new ArrayList<>(wantedIds);
        Set<String> arrays = new java.util.LinkedHashSet<>();
        if (release.get().sacctMissesCancelledPendingArrayTasks()) {
            for (String id : wantedIds) {
                int underscore = id.indexOf('_');
                if (underscore > 0) arrays.add(id.substring(0, underscore));
            }
            ids.addAll(arrays);
        }
        Map<String, JobInfo> arrayRecords = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            CommandResult r = runner.run(Command.of("env", "SLURM_TIME_FORMAT=%s", "sacct", "--parsable2", "--noheader",
                    "--allocations", "--jobs=" + String.join(",", chunk), "--format=" + SlurmJobRows.sacctFormat()));
            if (!r.succeeded()) {
                if (r.stderr().contains("accounting storage") || r.stderr().contains("not running a supported accounting_storage")) {
                    LOG.warn("Slurm accounting is not available ({}); finished jobs keep their last known state", r.stderr().strip());
                    accountingAvailable = false;
                    return out;
                }
                throw new DrmCommunicationException(r.describeFailure());
            }
            DelimitedTable t = DelimitedTable.withColumns(r.stdout(), "|", SlurmJobRows.SACCT_COLUMNS);
            for (Map<String, String> row : t.rows()) {
                if (SlurmJobRows.isStep(row)) continue;
                JobInfo info = SlurmJobRows.toJobInfo(row, UTC);
                if (arrays.contains(info.getJobId())) arrayRecords.put(info.getJobId(), info);
                for (String id : SlurmJobRows.expandArrayId(info.getJobId())) {
                    if (wanted.contains(id)) out.put(id, info.toBuilder().jobId(id).build());
                }
            }
        }
        tasksStillInTheirArrayRecord(wantedIds, arrayRecords, out);
        return out;
    }

    /**
     * 20.11 sometimes records an array task cancelled while pending under the bare array id
     * ({@code 14}, not {@code 14_[2%1]}), as squeue lists it: the array's own record still holds
     * every task that never got a record of its own, so an ended array record ends those tasks.
     */
    private static void tasksStillInTheirArrayRecord(List<String> wantedIds, Map<String, JobInfo> arrayRecords,
            Map<String, JobInfo> out) {
        for (String id : wantedIds) {
            int underscore = id.indexOf('_');
            if (underscore <= 0 || out.containsKey(id)) continue;
            JobInfo array = arrayRecords.get(id.substring(0, underscore));
            if (array != null && array.getJobState().isTerminal()) out.put(id, array.toBuilder().jobId(id).build());
        }
    }
}
