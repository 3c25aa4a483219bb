// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.SchedulerTimes;
import org.drmaa2j.spi.util.Signals;

/**
 * Turns one bjobs record (JSON object or delimited row; field names as bjobs prints them in its
 * header, any case, aliases {@code id} and {@code name} accepted) into a {@link JobInfo}.
 *
 * <p>EXIT_CODE empty means 0 for a DONE job. For an EXIT job, a code above 128 is read as the
 * signal 128+N the job died of; EXIT_REASON ({@code TERM_RUNLIMIT: job killed after reaching LSF
 * run time limit}) becomes the annotation and its TERM_ word the sub-state.
 */
final class LsfJobRows {
    /** The bjobs fields the driver asks for, in order; the job name is last because it may hold the delimiter. */
    static final List<String> FIELDS = List.of("jobid", "jobindex", "stat", "exit_code", "exit_reason", "user", "queue",
            "from_host", "exec_host", "nalloc_slot", "submit_time", "start_time", "finish_time", "cpu_used", "run_time",
            "pend_reason", "job_name");

    private static final Pattern FIRST_WORD_END = Pattern.compile("[:\\s]");
    private static final Pattern HOST_SEPARATORS = Pattern.compile("[:\\s]+");
    private static final Pattern SLOT_COUNT = Pattern.compile("^\\d+\\*");

    private LsfJobRows() {
    }

    /**
     * @param json true for {@code -o … -json}, false for the delimited form
     * @return the value of bjobs {@code -o}
     */
    static String format(boolean json) {
        return String.join(" ", FIELDS) + (json ? "" : " delimiter='|'");
    }

    /**
     * @param raw one record
     * @param times how to read LSF's times
     * @return the job's information
     */
    static JobInfo toJobInfo(Map<String, String> raw, LsfTimes times) {
        Map<String, String> row = normalise(raw);
        String stat = value(row, "STAT");
        JobState state = LsfStates.map(stat);
        String reason = value(row, "EXIT_REASON");
        Integer code = number(value(row, "EXIT_CODE"));
        Integer exitStatus = null;
        String signal = null;
        if (state == JobState.DONE) {
            exitStatus = code == null ? 0 : code;
            if (exitStatus != 0) state = JobState.FAILED;
        } else if (state == JobState.FAILED && code != null) {
            signal = Signals.fromShellStatus(code);
            if (signal == null) exitStatus = code;
        }
        String sub = stat == null ? null : stat.trim().toUpperCase(Locale.ROOT);
        String annotation = null;
        if (state.isTerminal() && reason != null) {
            annotation = reason;
            String word = FIRST_WORD_END.split(reason, 2)[0];
            if (word.startsWith("TERM_")) sub = word;
        } else if (!state.hasStarted()) {
            annotation = value(row, "PEND_REASON");
        }
        Instant start = state.hasStarted() ? times.instant(value(row, "START_TIME")) : null;
        Instant end = state.isTerminal() ? times.instant(value(row, "FINISH_TIME")) : null;
        Duration wall = LsfTimes.duration(value(row, "RUN_TIME"));
        if (wall == null && start != null && end != null && !end.isBefore(start)) wall = Duration.between(start, end);
        String slots = value(row, "NALLOC_SLOT");
        if (slots == null) slots = value(row, "SLOTS");
        return JobInfo.builder()
                .jobId(jobId(row))
                .jobName(value(row, "JOB_NAME"))
                .jobState(state)
                .jobSubState(sub)
                .annotation(annotation)
                .exitStatus(exitStatus)
                .terminatingSignal(signal)
                .queueName(value(row, "QUEUE"))
                .jobOwner(value(row, "USER"))
                .submissionMachine(value(row, "FROM_HOST"))
                .slots(slots == null || number(slots) == null || number(slots) == 0 ? null : Long.valueOf(number(slots)))
                .allocatedMachines(state.hasStarted() ? hosts(value(row, "EXEC_HOST")) : List.of())
                .submissionTime(times.instant(value(row, "SUBMIT_TIME")))
                .dispatchTime(start)
                .finishTime(end)
                .wallclockTime(wall)
                .cpuTime(LsfTimes.duration(value(row, "CPU_USED")))
                .build();
    }

    /**
     * @param row a normalised record
     * @return {@code 123} for a job, {@code 123[4]} for element 4 of array 123
     */
    static String jobId(Map<String, String> row) {
        String id = value(row, "JOBID");
        if (id == null || id.contains("[")) return id;
        String index = value(row, "JOBINDEX");
        return index == null || index.equals("0") ? id : id + "[" + index + "]";
    }

    /**
     * @param text EXEC_HOST as LSF prints it: {@code hostA:hostA:hostB} or {@code 4*hostA:2*hostB}
     * @return each host once, in order
     */
    static List<String> hosts(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return List.of();
        for (String part : HOST_SEPARATORS.split(text)) {
            String h = SLOT_COUNT.matcher(part).replaceFirst("").trim();
            if (!h.isEmpty() && !SchedulerTimes.isNone(h)) out.add(h);
        }
        return new ArrayList<>(out);
    }

    /** @return the row with upper-case keys and the aliases {@code ID} and {@code NAME} resolved */
    static Map<String, String> normalise(Map<String, String> raw) {
        Map<String, String> row = new java.util.HashMap<>();
        raw.forEach((k, v) -> {
            String key = k.trim().toUpperCase(Locale.ROOT);
            if (key.equals("ID")) key = "JOBID";
            if (key.equals("NAME")) key = "JOB_NAME";
            row.putIfAbsent(key, v);
        });
        return row;
    }

    private static String value(Map<String, String> row, String key) {
        String v = row.get(key);
        if (v == null) return null;
        v = v.trim();
        return v.isEmpty() || v.equals("-") ? null : v;
    }

    private static Integer number(String s) {
        if (s == null) return null;
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
