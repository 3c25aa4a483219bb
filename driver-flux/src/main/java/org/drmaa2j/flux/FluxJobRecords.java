// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.Hostlist;
import org.drmaa2j.spi.util.Signals;

/**
 * Turns Flux job records into {@link JobInfo}: the objects {@code flux jobs --json} prints, and
 * the job-list service's raw records (numeric states and results, flattened
 * {@code exception_*} keys). Absent fields stay unknown.
 */
final class FluxJobRecords {
    /** Reads doubles (the t_* times) with Jackson's fast parser, which rounds exactly as {@link Double#parseDouble} does. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private FluxJobRecords() {
    }

    /**
     * @param stdout what {@code flux jobs --json} printed: {@code {"jobs": [...]}}, or one job
     *     object when a single id was asked for
     * @return the job records
     * @throws IllegalArgumentException if the text is not such JSON
     */
    static List<JsonNode> parseJobsJson(String stdout) {
        List<JsonNode> out = new ArrayList<>();
        String text = stdout.strip();
        if (text.isEmpty()) return out;
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("flux jobs printed no JSON: " + e.getOriginalMessage(), e);
        }
        if (root.has("jobs")) root.get("jobs").forEach(out::add);
        else if (root.isObject()) out.add(root);
        return out;
    }

    /**
     * @param line one JSON object, as the job-list service returns it
     * @return the record
     */
    static JsonNode parseRecord(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON job record: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param r a job record
     * @return its id in the driver's form, or null
     */
    static String jobId(JsonNode r) {
        JsonNode id = r.get("id");
        if (id != null && id.isIntegralNumber()) return FluxIds.toF58(id.asLong());
        for (String key : new String[] {"jobid", "id"}) {
            JsonNode v = r.get(key);
            if (v != null && v.isTextual()) {
                String n = FluxIds.normalise(v.asText()).orElse(null);
                if (n != null) return n;
            }
        }
        return null;
    }

    /**
     * @param r a job record
     * @return what it says about the job
     */
    static JobInfo toJobInfo(JsonNode r) {
        String state = text(r, "state");
        String result = FluxStates.resultName(text(r, "result"));
        boolean fatal = exceptionOccurred(r) && intValue(exception(r, "severity"), 0) == 0;
        String stateName = FluxStates.stateName(state);
        boolean inactive = stateName.equals("INACTIVE");
        FluxExit exit = inactive ? FluxExit.of(integer(r, "waitstatus"), integer(r, "returncode"), fatal) : FluxExit.NONE;
        JobState js = FluxStates.map(state, result, integer(r, "urgency"), exit.exitStatus(), exit.signal());
        Instant submit = time(r, "t_submit");
        Instant run = time(r, "t_run");
        Instant cleanup = time(r, "t_cleanup");
        Instant end = inactive ? (cleanup != null ? cleanup : time(r, "t_inactive")) : null;
        Duration wall = null;
        if (run != null && end != null && !end.isBefore(run)) wall = Duration.between(run, end);
        else if (run != null && !inactive) wall = seconds(r.get("runtime"));
        String nodelist = text(r, "nodelist");
        List<String> machines = js.hasStarted() || run != null ? new ArrayList<>(new LinkedHashSet<>(Hostlist.expand(nodelist))) : List.of();
        Long slots = r.has("ncores") ? Long.valueOf(r.get("ncores").asLong()) : r.has("ntasks") ? Long.valueOf(r.get("ntasks").asLong()) : null;
        return JobInfo.builder()
                .jobId(jobId(r))
                .jobName(text(r, "name"))
                .jobState(js)
                .jobSubState(inactive && result != null ? result : stateName.isEmpty() ? null : stateName)
                .annotation(annotation(r, fatal))
                .exitStatus(js.isTerminal() ? exit.exitStatus() : null)
                .terminatingSignal(exit.signal() == null ? null : Signals.name(exit.signal()))
                .queueName(text(r, "queue"))
                .slots(slots)
                .allocatedMachines(machines)
                .jobOwner(text(r, "username"))
                .submissionTime(submit)
                .dispatchTime(run)
                .finishTime(end)
                .wallclockTime(wall)
                .build();
    }

    private static String annotation(JsonNode r, boolean fatal) {
        if (exceptionOccurred(r)) {
            String type = textOrNull(exception(r, "type"));
            String note = textOrNull(exception(r, "note"));
            if (type != null) return type + (note == null || note.isEmpty() ? "" : ": " + note);
        }
        JsonNode reason = r.path("annotations").path("sched").path("reason_pending");
        if (reason.isTextual()) return reason.asText();
        JsonNode deps = r.get("dependencies");
        if (deps != null && deps.isArray() && deps.size() > 0) {
            List<String> d = new ArrayList<>();
            deps.forEach(x -> d.add(x.asText()));
            return "depends:" + String.join(",", d);
        }
        return null;
    }

    private static boolean exceptionOccurred(JsonNode r) {
        JsonNode o = exception(r, "occurred");
        return o != null && o.asBoolean(false);
    }

    /** The exception field from {@code exception.KEY} ({@code flux jobs --json}) or {@code exception_KEY} (job-list). */
    private static JsonNode exception(JsonNode r, String key) {
        JsonNode nested = r.path("exception").get(key);
        return nested != null ? nested : r.get("exception_" + key);
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static int intValue(JsonNode n, int dflt) {
        return n == null || !n.isNumber() ? dflt : n.asInt();
    }

    static String text(JsonNode r, String key) {
        JsonNode v = r.get(key);
        if (v == null || v.isNull()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    static Integer integer(JsonNode r, String key) {
        JsonNode v = r.get(key);
        return v == null || !v.isNumber() ? null : v.asInt();
    }

    /**
     * @param r a record
     * @param key a {@code t_*} key holding seconds since the epoch
     * @return the instant, or null when absent or zero
     */
    static Instant time(JsonNode r, String key) {
        JsonNode v = r.get(key);
        if (v == null || !v.isNumber() || v.asDouble() <= 0) return null;
        return epoch(v.asDouble());
    }

    /**
     * @param seconds seconds since the epoch, with a fraction
     * @return the instant, to the microsecond
     */
    static Instant epoch(double seconds) {
        long micros = Math.round(seconds * 1_000_000d);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static Duration seconds(JsonNode v) {
        if (v == null || !v.isNumber()) return null;
        return Duration.ofNanos(Math.round(v.asDouble() * 1e9));
    }
}
