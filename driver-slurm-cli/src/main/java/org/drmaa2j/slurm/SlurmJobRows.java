// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.Hostlist;
import org.drmaa2j.spi.parse.SchedulerTimes;
import org.drmaa2j.spi.util.Signals;

/**
 * Turns one row of squeue or sacct output (columns keyed by lower-case name, as
 * {@link org.drmaa2j.spi.parse.DelimitedTable} gives them) into a {@link JobInfo}. Knows both
 * commands' column names; columns that are absent stay unknown.
 */
final class SlurmJobRows {
    /**
     * The squeue columns the driver asks for, in order; the job name is last because it may hold the
     * delimiter. {@code squeueexit} is the controller's exit code of a finished job, which squeue's
     * {@code -o} letters cannot print: a raw wait status (exit code times 256 plus signal) before
     * Slurm 23.02, {@code exit:signal} from 23.02 on (see {@link SlurmRelease}).
     */
    static final List<String> SQUEUE_COLUMNS = List.of("jobid", "state", "reason", "squeueexit", "partition", "cpus",
            "nodelist", "submit", "start", "end", "user", "name");
    /** The matching squeue {@code -O} format: width 0 means unpadded and untruncated, the suffix is the delimiter. */
    static final String SQUEUE_FORMAT = "JobArrayID:0|,State:0|,Reason:0|,exit_code:0|,Partition:0|,NumCPUs:0|,"
            + "NodeList:0|,SubmitTime:0|,StartTime:0|,EndTime:0|,UserName:0|,Name:0";
    /** The sacct columns the driver asks for, in order. */
    static final List<String> SACCT_COLUMNS = List.of("jobid", "state", "exitcode", "partition", "alloccpus", "nodelist",
            "submit", "start", "end", "elapsed", "totalcpu", "user", "jobname");

    private SlurmJobRows() {
    }

    /** @return the {@code --format} value matching {@link #SACCT_COLUMNS} */
    static String sacctFormat() {
        return String.join(",", SACCT_COLUMNS);
    }

    /**
     * @param row one row
     * @param zone the cluster's time zone, for local date-times (epoch seconds need none)
     * @return the job's information
     */
    static JobInfo toJobInfo(Map<String, String> row, ZoneId zone) {
        String stateWord = first(row, "state", "st");
        int[] exit = row.containsKey("squeueexit") ? squeueExitCode(row.get("squeueexit")) : exitCode(row.get("exitcode"));
        Integer exitStatus = exit == null ? null : exit[0];
        Integer signal = exit == null || exit[1] == 0 ? null : exit[1];
        JobState state = SlurmStates.map(stateWord, row.get("reason"), exitStatus, signal);
        String sub = SlurmStates.normalise(stateWord);
        Instant submit = SchedulerTimes.instant(row.get("submit"), zone);
        List<String> machines = Hostlist.expand(row.get("nodelist"));
        // Slurm gives a job cancelled while pending a start time equal to its end time, but no nodes
        boolean ran = state.hasStarted() && !(state.isTerminal() && row.containsKey("nodelist") && machines.isEmpty());
        Instant start = ran || state == JobState.REQUEUED ? SchedulerTimes.instant(row.get("start"), zone) : null;
        Instant end = state.isTerminal() ? SchedulerTimes.instant(row.get("end"), zone) : null;
        Duration wall = SchedulerTimes.duration(row.get("elapsed"));
        if (wall == null && start != null) wall = Duration.between(start, end != null ? end : Instant.now());
        if (!state.isTerminal()) exitStatus = null;
        if (state.isTerminal() && signal != null) exitStatus = null;
        String cpus = first(row, "alloccpus", "cpus");
        return JobInfo.builder()
                .jobId(first(row, "jobid", "job_id"))
                .jobName(first(row, "jobname", "name"))
                .jobState(state)
                .jobSubState(sub.isEmpty() ? null : sub)
                .annotation(annotation(row, sub))
                .exitStatus(exitStatus)
                .terminatingSignal(signal == null ? null : Signals.name(signal))
                .queueName(blankToNull(row.get("partition")))
                .slots(positive(cpus))
                .allocatedMachines(ran ? machines : List.of())
                .jobOwner(blankToNull(row.get("user")))
                .submissionTime(submit)
                .dispatchTime(start)
                .finishTime(end)
                .wallclockTime(wall)
                .cpuTime(SchedulerTimes.duration(row.get("totalcpu")))
                .build();
    }

    /** @return the CPU count, or null when absent, zero or unreadable (never a crash on garbled output) */
    private static Long positive(String cpus) {
        if (cpus == null) return null;
        try {
            long n = Long.parseLong(cpus.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param text Slurm's {@code ExitCode}, {@code exit:signal} such as {@code 3:0} or {@code 0:9}
     * @return {exit, signal}, or null when absent or unreadable
     */
    static int[] exitCode(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim();
        int colon = t.indexOf(':');
        try {
            if (colon < 0) return new int[] {Integer.parseInt(t), 0};
            return new int[] {Integer.parseInt(t.substring(0, colon)), Integer.parseInt(t.substring(colon + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param text squeue's {@code exit_code} as any release prints it: {@code exit:signal} (23.02 and
     *     later, {@code 3:0}) or a raw wait status (before 23.02, {@code 768}); the two never look alike
     * @return {exit, signal}, or null when absent or unreadable
     */
    static int[] squeueExitCode(String text) {
        if (text == null) return null;
        return isExitSignal(text) ? exitCode(text) : waitStatus(text);
    }

    /** @return true when squeue's {@code exit_code} text is in the {@code exit:signal} form of 23.02 and later */
    static boolean isExitSignal(String text) {
        return text.indexOf(':') >= 0;
    }

    /**
     * @param text squeue's {@code exit_code} before 23.02: a wait status, such as {@code 768} for exit code 3 or
     *     {@code 9} for SIGKILL
     * @return {exit, signal}, or null when absent, unreadable or not a wait status (Slurm prints
     *     {@code NO_VAL} for jobs without one)
     */
    static int[] waitStatus(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            long status = Long.parseLong(text.trim());
            if (status < 0 || status > 0xffff) return null;
            return new int[] {(int) (status >> 8) & 0xff, (int) status & 0x7f};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param row a row of sacct output
     * @return true for a job step ({@code 15.batch}, {@code 15.extern}, {@code 15.0}), not the job itself
     */
    static boolean isStep(Map<String, String> row) {
        String id = first(row, "jobid", "job_id");
        return id != null && id.indexOf('.') > 0;
    }

    /**
     * @param id a job id as Slurm prints it, possibly a pending array range such as {@code 12_[2,4-6%25]}
     * @return the task ids it stands for ({@code 12_2, 12_4, 12_5, 12_6}), or the id itself
     */
    static List<String> expandArrayId(String id) {
        int open = id.indexOf("_[");
        if (open < 0 || !id.endsWith("]")) return List.of(id);
        String base = id.substring(0, open);
        String ranges = id.substring(open + 2, id.length() - 1);
        int pct = ranges.indexOf('%');
        if (pct >= 0) ranges = ranges.substring(0, pct);
        return Hostlist.expand(base + "_[" + ranges + "]");
    }

    private static String annotation(Map<String, String> row, String sub) {
        String reason = row.get("reason");
        if (reason != null && !reason.isBlank() && !reason.equals("None")) return reason;
        String raw = row.get("state");
        return raw != null && raw.contains(" by ") ? raw.trim() : null;
    }

    private static String first(Map<String, String> row, String... keys) {
        for (String k : keys) {
            String v = row.get(k);
            if (v != null) return v;
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
