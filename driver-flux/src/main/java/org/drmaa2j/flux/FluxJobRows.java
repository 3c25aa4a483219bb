// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.Hostlist;
import org.drmaa2j.spi.util.Signals;

/**
 * Turns one row of {@code flux jobs -o FORMAT} output, keyed by Flux's field names
 * ({@code id}, {@code id.f58}, {@code state}, {@code state_single}, {@code status},
 * {@code status_abbrev}, {@code result}, {@code urgency}, {@code waitstatus}, {@code returncode},
 * {@code exception.type}, {@code exception.note}, {@code t_submit}, {@code t_run},
 * {@code t_cleanup}, {@code t_inactive}, {@code ntasks}, {@code nodelist}, {@code queue},
 * {@code username}, {@code name}), into a {@link JobInfo}. The status query uses it with
 * {@link #FORMAT} when the instance's {@code flux jobs} has no {@code --json}.
 */
final class FluxJobRows {
    /** The fields the fallback query asks for, in order; the name is last because it may hold the delimiter. */
    static final List<String> COLUMNS = List.of("id.f58", "state", "result", "urgency", "waitstatus", "returncode",
            "exception.type", "exception.note", "t_submit", "t_run", "t_cleanup", "t_inactive", "ntasks", "nodelist",
            "queue", "username", "name");
    /** The matching {@code -o} format, fields separated by {@code |}. */
    static final String FORMAT = String.join("|", COLUMNS.stream().map(c -> "{" + c + "}").toList());

    private FluxJobRows() {
    }

    /**
     * @param row one row
     * @return the job's information; the state comes from {@code state}+{@code result}, else
     *     {@code status}/{@code status_abbrev}, else {@code state_single}
     */
    static JobInfo toJobInfo(Map<String, String> row) {
        String state = first(row, "state", "status", "status_abbrev", "state_single", "st");
        String result = FluxStates.resultName(blankToNull(row.get("result")));
        String stateName = FluxStates.stateName(state);
        // a result makes a job inactive only when it is a result Flux has: garbled or unknown text never ends a job
        boolean inactive = stateName.equals("INACTIVE") || (result != null && FluxStates.isResult(result))
                || List.of("COMPLETED", "FAILED", "CANCELED", "TIMEOUT").contains(stateName);
        if (result == null && !stateName.equals("INACTIVE") && inactive) result = stateName;
        boolean fatal = blankToNull(row.get("exception.type")) != null;
        FluxExit exit = inactive ? FluxExit.of(integer(row.get("waitstatus")), integer(row.get("returncode")), fatal) : FluxExit.NONE;
        JobState js = FluxStates.map(inactive ? "INACTIVE" : state, result, integer(row.get("urgency")), exit.exitStatus(), exit.signal());
        Instant run = time(row.get("t_run"));
        Instant cleanup = time(row.get("t_cleanup"));
        Instant end = inactive ? (cleanup != null ? cleanup : time(row.get("t_inactive"))) : null;
        String id = first(row, "id.f58", "id", "jobid", "id.dec");
        String type = blankToNull(row.get("exception.type"));
        String note = blankToNull(row.get("exception.note"));
        String nodelist = first(row, "nodelist", "info", "ranks");
        return JobInfo.builder()
                .jobId(id == null ? null : FluxIds.normalise(id).orElse(id))
                .jobName(blankToNull(row.get("name")))
                .jobState(js)
                .jobSubState(inactive && result != null ? result : stateName.isEmpty() ? null : stateName)
                .annotation(type == null ? null : type + (note == null ? "" : ": " + note))
                .exitStatus(js.isTerminal() ? exit.exitStatus() : null)
                .terminatingSignal(exit.signal() == null ? null : Signals.name(exit.signal()))
                .queueName(blankToNull(row.get("queue")))
                .slots(longValue(row.get("ntasks")))
                .allocatedMachines(js.hasStarted() && nodelist != null && !nodelist.startsWith("[") && !nodelist.equals("-")
                        ? new ArrayList<>(new LinkedHashSet<>(Hostlist.expand(nodelist))) : List.of())
                .jobOwner(blankToNull(first(row, "username", "user")))
                .submissionTime(time(row.get("t_submit")))
                .dispatchTime(run)
                .finishTime(end)
                .wallclockTime(run != null && end != null && !end.isBefore(run) ? Duration.between(run, end) : null)
                .build();
    }

    private static String first(Map<String, String> row, String... keys) {
        for (String k : keys) {
            String v = blankToNull(row.get(k));
            if (v != null) return v;
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("-") ? null : s.trim();
    }

    private static Integer integer(String s) {
        String v = blankToNull(s);
        if (v == null) return null;
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        Integer i = integer(s);
        return i == null ? null : Long.valueOf(i);
    }

    private static Instant time(String s) {
        String v = blankToNull(s);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            return d <= 0 ? null : FluxJobRecords.epoch(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
