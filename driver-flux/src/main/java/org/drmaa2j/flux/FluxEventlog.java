// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * A job's main eventlog (RFC 21), as {@code flux job wait-event -v}, {@code flux job eventlog}
 * and {@code flux job info ID eventlog} print it: one JSON object per line, or the text form
 * {@code TIMESTAMP NAME key=value…} with raw or ISO 8601 timestamps. From it the driver learns
 * how a job ended without asking the job-list service.
 *
 * @param events the events, in order
 */
record FluxEventlog(List<Event> events) {
    private static final Pattern TEXT = Pattern.compile("^(\\S+)\\s+(\\S+)(?:\\s+(.*))?$");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][\\w.-]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\{.*\\}|\\S*)");

    /**
     * One event.
     *
     * @param time when it was posted
     * @param name its name, such as {@code submit}, {@code start}, {@code finish}, {@code clean}
     * @param context its context; values are strings, numbers or JSON text
     */
    record Event(Instant time, String name, Map<String, String> context) {
        String get(String key) {
            return context.get(key);
        }
    }

    /**
     * @param text the eventlog in any of the three forms; blank and unreadable lines are skipped
     * @return the eventlog
     */
    static FluxEventlog parse(String text) {
        List<Event> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            Event e = line.startsWith("{") ? json(line) : text(line);
            if (e != null) out.add(e);
        }
        return new FluxEventlog(List.copyOf(out));
    }

    private static Event json(String line) {
        JsonNode n;
        try {
            n = FluxJobRecords.parseRecord(line);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!n.has("name") || !n.has("timestamp")) return null;
        Map<String, String> ctx = new LinkedHashMap<>();
        n.path("context").fields().forEachRemaining(f ->
                ctx.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        return new Event(FluxJobRecords.epoch(n.get("timestamp").asDouble()), n.get("name").asText(), ctx);
    }

    private static Event text(String line) {
        Matcher m = TEXT.matcher(line);
        if (!m.matches()) return null;
        Instant t = timestamp(m.group(1));
        if (t == null) return null;
        Map<String, String> ctx = new LinkedHashMap<>();
        if (m.group(3) != null) {
            Matcher kv = KEY_VALUE.matcher(m.group(3));
            while (kv.find()) {
                String v = kv.group(2);
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
                ctx.put(kv.group(1), v);
            }
        }
        return new Event(t, m.group(2), ctx);
    }

    private static Instant timestamp(String s) {
        try {
            if (Character.isDigit(s.charAt(0)) && s.indexOf('T') < 0) return FluxJobRecords.epoch(Double.parseDouble(s));
            return Instant.parse(s);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param name an event name
     * @return the first event of that name, or null
     */
    Event first(String name) {
        for (Event e : events) {
            if (e.name().equals(name)) return e;
        }
        return null;
    }

    /** @return true once the job's {@code clean} event was posted: it is inactive */
    boolean isClean() {
        return first("clean") != null;
    }

    /**
     * @return true when the log tells how the job ended: it is clean and holds the {@code finish}
     *     event or a fatal exception (a bare {@code clean} line, as {@code wait-event} prints
     *     without {@code -v}, does not)
     */
    boolean tellsTheEnd() {
        return isClean() && (first("finish") != null || fatalException() != null);
    }

    /** @return the urgency the job has now: the last {@code urgency} event, else the one it was submitted with */
    Integer urgency() {
        Integer u = null;
        for (Event e : events) {
            if ((e.name().equals("submit") || e.name().equals("urgency")) && e.get("urgency") != null) {
                u = Integer.valueOf(e.get("urgency"));
            }
        }
        return u;
    }

    /** @return the first fatal (severity 0) exception, or null */
    Event fatalException() {
        for (Event e : events) {
            if (e.name().equals("exception") && "0".equals(e.context().getOrDefault("severity", "0"))) return e;
        }
        return null;
    }

    /**
     * The result as Flux's job-list derives it: CANCELED or TIMEOUT after a fatal exception of that
     * type, FAILED after another fatal exception or a non-zero status, else COMPLETED.
     *
     * @return the result of a clean job, or null while it is active
     */
    String result() {
        if (!isClean()) return null;
        Event ex = fatalException();
        if (ex != null) {
            String type = ex.get("type");
            return "cancel".equals(type) ? "CANCELED" : "timeout".equals(type) ? "TIMEOUT" : "FAILED";
        }
        Event finish = first("finish");
        return finish != null && "0".equals(finish.get("status")) ? "COMPLETED" : "FAILED";
    }

    /**
     * @param jobId the job's id in the driver's form
     * @return what the eventlog says about the job: its state (terminal once {@code clean} is
     *     there), exit status, signal, exception, and the times Flux's job-list reports as
     *     t_submit, t_run (the {@code alloc} event), t_cleanup and t_inactive
     */
    JobInfo toJobInfo(String jobId) {
        Event submit = first("submit");
        Event alloc = first("alloc");
        Event finish = first("finish");
        Event clean = first("clean");
        Event ex = fatalException();
        String result = result();
        Integer status = finish == null || finish.get("status") == null ? null : Integer.valueOf(finish.get("status"));
        FluxExit exit = clean == null ? FluxExit.NONE
                : FluxExit.of(status, status == null && ex != null && alloc == null ? FluxExit.CANCELED_BEFORE_START : null, ex != null);
        JobState state;
        String sub;
        if (clean != null) {
            state = FluxStates.map("INACTIVE", result, null, exit.exitStatus(), exit.signal());
            sub = result;
        } else if (finish != null || ex != null) {
            state = JobState.RUNNING;
            sub = "CLEANUP";
        } else if (alloc != null) {
            state = JobState.RUNNING;
            sub = "RUN";
        } else {
            state = FluxStates.map("SCHED", null, urgency(), null, null);
            sub = first("priority") != null ? "SCHED" : first("depend") != null ? "PRIORITY" : "DEPEND";
        }
        Instant cleanup = finish != null ? finish.time() : ex != null ? ex.time() : null;
        Instant end = clean == null ? null : cleanup != null ? cleanup : clean.time();
        Instant run = alloc == null ? null : alloc.time();
        JobInfo.Builder b = JobInfo.builder().jobId(jobId).jobState(state).jobSubState(sub)
                .submissionTime(submit == null ? null : submit.time()).dispatchTime(run).finishTime(end)
                .exitStatus(state.isTerminal() ? exit.exitStatus() : null)
                .terminatingSignal(exit.signal() == null ? null : Signals.name(exit.signal()));
        if (ex != null) {
            String note = ex.get("note");
            b.annotation(ex.get("type") + (note == null || note.isEmpty() ? "" : ": " + note));
        }
        if (run != null && end != null && !end.isBefore(run)) b.wallclockTime(Duration.between(run, end));
        Integer marked = markedSignal();
        return marked == null ? b.build() : FluxExit.marker(marked).overrule(b.build());
    }

    /** @return the signal the job script left in a {@code memo} event ({@code drmaa2j={"signal":N}}), or null */
    Integer markedSignal() {
        Integer found = null;
        for (Event e : events) {
            String v = e.name().equals("memo") ? e.get("drmaa2j") : null;
            if (v == null) continue;
            try {
                Integer s = FluxJobRecords.markedSignal(FluxJobRecords.parseRecord("{\"drmaa2j\":" + v + "}"));
                if (s != null) found = s;
            } catch (IllegalArgumentException ex) {
                // not the driver's memo
            }
        }
        return found;
    }
}
