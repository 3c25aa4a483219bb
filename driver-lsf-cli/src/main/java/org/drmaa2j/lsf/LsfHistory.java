// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.util.Signals;

/**
 * Reads the long forms of {@code bhist -l} and {@code bacct -l}, which still know jobs that
 * {@code bjobs} has forgotten (after {@code CLEAN_PERIOD}). Both print one block per job: a header
 * line {@code Job <N>, User <u>, …} and one line per event, {@code Wed Jun 16 14:52:33: Done
 * successfully. …}, wrapped at 80 columns with 21-space continuation lines. Only ended jobs are
 * reported.
 */
final class LsfHistory {
    private static final String INDENT = " ".repeat(21);
    private static final Pattern HEADER = Pattern.compile("^Job <(\\d+(?:\\[\\d+\\])?)>");
    private static final Pattern EVENT = Pattern.compile(
            "^((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2}\\s+\\d{1,2} \\d{1,2}:\\d{2}(?::\\d{2})?(?: \\d{4})?): (.*)$");
    private static final Pattern FIELD = Pattern.compile("(User|Job Name|Queue|Status) <([^>]*)>");
    private static final Pattern SUBMITTED = Pattern.compile("^Submitted from host <([^>]*)>(?:.*?to Queue <([^>]*)>)?");
    private static final Pattern DISPATCHED = Pattern.compile("^Dispatched (?:to|\\d+ Task\\(s\\) on Host\\(s\\)) (.*?)(?:[,;]|$)");
    private static final Pattern EXIT_CODE = Pattern.compile("exit code (\\d+)");
    private static final Pattern SIGNAL = Pattern.compile("^Exited by (?:LSF )?signal (\\w+)");
    private static final Pattern COMPLETED = Pattern.compile("^Completed <(done|exit)>(?:; (TERM_\\w+.*?))?\\.?$");
    private static final Pattern CPU = Pattern.compile("CPU time used is ([0-9.]+) seconds");
    private static final Pattern HOST = Pattern.compile("<([^>]+)>");

    private LsfHistory() {
    }

    /**
     * @param text bhist -l or bacct -l output
     * @param times how to read LSF's times
     * @return information about every ended job in the text, by id
     */
    static Map<String, JobInfo> parse(String text, LsfTimes times) {
        Map<String, JobInfo> out = new LinkedHashMap<>();
        List<String> block = new ArrayList<>();
        for (String line : unwrap(LsfMessages.stripNoise(text))) {
            if (HEADER.matcher(line).find()) {
                read(block, times, out);
                block.clear();
            }
            block.add(line);
        }
        read(block, times, out);
        return out;
    }

    private static List<String> unwrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            if (raw.startsWith(INDENT) && !lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + raw.substring(INDENT.length()));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    private static void read(List<String> block, LsfTimes times, Map<String, JobInfo> out) {
        if (block.isEmpty()) return;
        Matcher h = HEADER.matcher(block.get(0));
        if (!h.find()) return;
        JobInfo.Builder b = JobInfo.builder().jobId(h.group(1));
        Matcher f = FIELD.matcher(block.get(0));
        while (f.find()) {
            switch (f.group(1)) {
                case "User" -> b.jobOwner(f.group(2));
                case "Job Name" -> b.jobName(f.group(2));
                case "Queue" -> b.queueName(f.group(2));
                default -> { }
            }
        }
        JobState state = null;
        Integer code = null;
        String signal = null;
        String reason = null;
        Instant dispatch = null;
        Instant finish = null;
        for (String line : block) {
            Matcher e = EVENT.matcher(line.trim());
            if (!e.matches()) continue;
            Instant at = times.instant(e.group(1));
            String ev = e.group(2).trim();
            Matcher m;
            if ((m = SUBMITTED.matcher(ev)).find()) {
                b.submissionTime(at).submissionMachine(m.group(1));
                if (m.group(2) != null) b.queueName(m.group(2));
            } else if ((m = DISPATCHED.matcher(ev)).find()) {
                dispatch = at;
                List<String> hosts = new ArrayList<>();
                Matcher hm = HOST.matcher(m.group(1));
                while (hm.find()) hosts.addAll(LsfJobRows.hosts(hm.group(1)));
                b.allocatedMachines(hosts);
            } else if (ev.startsWith("Starting") && dispatch == null) {
                dispatch = at;
            } else if (ev.startsWith("Done successfully")) {
                state = JobState.DONE;
                code = 0;
                finish = at;
            } else if ((m = COMPLETED.matcher(ev)).find()) {
                if (state == null) state = m.group(1).equals("done") ? JobState.DONE : JobState.FAILED;
                if (m.group(2) != null) reason = m.group(2).trim();
                if (finish == null) finish = at;
            } else if (ev.startsWith("Exited")) {
                state = JobState.FAILED;
                finish = at;
                Matcher s = SIGNAL.matcher(ev);
                Matcher c = EXIT_CODE.matcher(ev);
                if (s.find()) signal = signalName(s.group(1));
                else if (c.find()) code = Integer.valueOf(c.group(1));
            }
            Matcher cpu = CPU.matcher(ev);
            if (cpu.find()) b.cpuTime(Duration.ofMillis(Math.round(Double.parseDouble(cpu.group(1)) * 1000)));
        }
        if (state == null) return;
        if (state == JobState.FAILED && code != null && signal == null) {
            signal = Signals.fromShellStatus(code);
            if (signal != null) code = null;
        }
        String sub = state == JobState.DONE ? "DONE" : "EXIT";
        if (reason != null && reason.startsWith("TERM_")) sub = reason.split("[:\\s]", 2)[0];
        b.jobState(state).jobSubState(sub).annotation(reason).exitStatus(signal == null ? code : null)
                .terminatingSignal(signal).dispatchTime(dispatch).finishTime(finish);
        if (dispatch != null && finish != null && !finish.isBefore(dispatch)) b.wallclockTime(Duration.between(dispatch, finish));
        JobInfo info = b.build();
        out.put(info.getJobId(), info);
    }

    private static String signalName(String s) {
        try {
            return Signals.name(Signals.number(s));
        } catch (IllegalArgumentException e) {
            return s.startsWith("SIG") ? s : "SIG" + s;
        }
    }
}
