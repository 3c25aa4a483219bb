// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
 * The fields of one Flux job record the driver reads, from a tree ({@link #of(JsonNode)}) or
 * straight from a parser ({@link #read}, for {@code flux jobs --json} of thousands of jobs without
 * building a tree), and the one translation of them into {@link JobInfo}. Both forms of record are
 * read: {@code flux jobs --json} (state and result names, {@code exception} object, username) and
 * the job-list service's (numbers, flattened {@code exception_*} keys). Absent fields stay unknown.
 */
final class FluxJobFields {
    Long id;
    String jobid;
    String state;
    String result;
    Integer urgency;
    Integer waitstatus;
    Integer returncode;
    boolean exceptionOccurred;
    Integer exceptionSeverity;
    String exceptionType;
    String exceptionNote;
    double tSubmit;
    double tRun;
    double tCleanup;
    double tInactive;
    Double runtime;
    String nodelist;
    String queue;
    String username;
    String name;
    Long ncores;
    Long ntasks;
    String reasonPending;
    Integer markedSignal;
    List<String> dependencies;

    /**
     * @param r a job record
     * @return its fields
     */
    static FluxJobFields of(JsonNode r) {
        FluxJobFields f = new FluxJobFields();
        JsonNode id = r.get("id");
        if (id != null && id.isIntegralNumber()) f.id = id.asLong();
        else if (id != null && id.isTextual()) f.jobid = id.asText();
        JsonNode jobid = r.get("jobid");
        if (jobid != null && jobid.isTextual()) f.jobid = jobid.asText();
        f.state = text(r.get("state"));
        f.result = text(r.get("result"));
        f.urgency = integer(r.get("urgency"));
        f.waitstatus = integer(r.get("waitstatus"));
        f.returncode = integer(r.get("returncode"));
        JsonNode ex = r.get("exception");
        if (ex != null && ex.isObject()) {
            f.exceptionOccurred = ex.path("occurred").asBoolean(false);
            f.exceptionSeverity = integer(ex.get("severity"));
            f.exceptionType = text(ex.get("type"));
            f.exceptionNote = text(ex.get("note"));
        } else {
            JsonNode o = r.get("exception_occurred");
            f.exceptionOccurred = o != null && o.asBoolean(false);
            f.exceptionSeverity = integer(r.get("exception_severity"));
            f.exceptionType = text(r.get("exception_type"));
            f.exceptionNote = text(r.get("exception_note"));
        }
        f.tSubmit = seconds(r.get("t_submit"));
        f.tRun = seconds(r.get("t_run"));
        f.tCleanup = seconds(r.get("t_cleanup"));
        f.tInactive = seconds(r.get("t_inactive"));
        JsonNode rt = r.get("runtime");
        f.runtime = rt != null && rt.isNumber() ? rt.asDouble() : null;
        f.nodelist = text(r.get("nodelist"));
        f.queue = text(r.get("queue"));
        f.username = text(r.get("username"));
        f.name = text(r.get("name"));
        f.ncores = longValue(r.get("ncores"));
        f.ntasks = longValue(r.get("ntasks"));
        f.reasonPending = text(r.path("annotations").path("sched").get("reason_pending"));
        f.markedSignal = FluxJobRecords.markedSignal(r.path("annotations").path("user"));
        JsonNode deps = r.get("dependencies");
        if (deps != null && deps.isArray() && deps.size() > 0) {
            f.dependencies = new ArrayList<>();
            deps.forEach(d -> f.dependencies.add(d.asText()));
        }
        return f;
    }

    /**
     * Reads one job object from a parser standing on its first field name (or its end).
     *
     * @param p the parser
     * @return the fields; the parser stands on the object's END_OBJECT
     * @throws IOException when the JSON is malformed
     */
    static FluxJobFields read(JsonParser p) throws IOException {
        FluxJobFields f = new FluxJobFields();
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "id" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT) f.id = p.getLongValue();
                    else if (v == JsonToken.VALUE_STRING) f.jobid = p.getText();
                    else p.skipChildren();
                }
                case "jobid" -> {
                    if (f.id == null) f.jobid = scalar(p, v); // the numeric id, when there is one, is cheaper
                    else p.skipChildren();
                }
                case "state" -> f.state = scalar(p, v);
                case "result" -> f.result = scalar(p, v);
                case "urgency" -> f.urgency = intValue(p, v);
                case "waitstatus" -> f.waitstatus = intValue(p, v);
                case "returncode" -> f.returncode = intValue(p, v);
                case "exception" -> readException(p, v, f);
                case "exception_occurred" -> f.exceptionOccurred = v == JsonToken.VALUE_TRUE;
                case "exception_severity" -> f.exceptionSeverity = intValue(p, v);
                case "exception_type" -> f.exceptionType = scalar(p, v);
                case "exception_note" -> f.exceptionNote = scalar(p, v);
                case "t_submit" -> f.tSubmit = doubleValue(p, v);
                case "t_run" -> f.tRun = doubleValue(p, v);
                case "t_cleanup" -> f.tCleanup = doubleValue(p, v);
                case "t_inactive" -> f.tInactive = doubleValue(p, v);
                case "runtime" -> f.runtime = v.isNumeric() ? p.getDoubleValue() : null;
                case "nodelist" -> f.nodelist = scalar(p, v);
                case "queue" -> f.queue = scalar(p, v);
                case "username" -> f.username = scalar(p, v);
                case "name" -> f.name = scalar(p, v);
                case "ncores" -> f.ncores = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "ntasks" -> f.ntasks = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "annotations" -> readAnnotations(p, v, f);
                case "dependencies" -> {
                    if (v == JsonToken.START_ARRAY) {
                        for (JsonToken d = p.nextToken(); d != JsonToken.END_ARRAY; d = p.nextToken()) {
                            String dep = scalar(p, d);
                            if (dep == null) continue;
                            if (f.dependencies == null) f.dependencies = new ArrayList<>();
                            f.dependencies.add(dep);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return f;
    }

    /** {@code annotations}: the scheduler's {@code sched.reason_pending} and the user's {@code user.drmaa2j.signal}. */
    private static void readAnnotations(JsonParser p, JsonToken v, FluxJobFields f) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken x = p.nextToken();
            if (x == JsonToken.START_OBJECT && (key.equals("sched") || key.equals("user"))) {
                for (JsonToken u = p.nextToken(); u == JsonToken.FIELD_NAME; u = p.nextToken()) {
                    String inner = p.currentName();
                    JsonToken y = p.nextToken();
                    if (key.equals("sched") && inner.equals("reason_pending")) f.reasonPending = scalar(p, y);
                    else if (key.equals("user") && inner.equals("drmaa2j") && y == JsonToken.START_OBJECT) {
                        f.markedSignal = FluxJobRecords.markedSignal(FluxJobRecords.MAPPER.createObjectNode().set("drmaa2j", p.readValueAsTree()));
                    } else p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readException(JsonParser p, JsonToken v, FluxJobFields f) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken x = p.nextToken();
            switch (key) {
                case "occurred" -> f.exceptionOccurred = x == JsonToken.VALUE_TRUE;
                case "severity" -> f.exceptionSeverity = intValue(p, x);
                case "type" -> f.exceptionType = scalar(p, x);
                case "note" -> f.exceptionNote = scalar(p, x);
                default -> p.skipChildren();
            }
        }
    }

    /** @return what these fields say about the job */
    JobInfo toJobInfo() {
        String res = FluxStates.resultName(result);
        boolean fatal = exceptionOccurred && (exceptionSeverity == null || exceptionSeverity == 0);
        String stateName = FluxStates.stateName(state);
        boolean inactive = stateName.equals("INACTIVE");
        FluxExit exit = inactive ? FluxExit.of(waitstatus, returncode, fatal) : FluxExit.NONE;
        JobState js = FluxStates.map(state, res, urgency, exit.exitStatus(), exit.signal());
        Instant submit = instant(tSubmit);
        Instant run = instant(tRun);
        Instant cleanup = instant(tCleanup);
        Instant end = inactive ? (cleanup != null ? cleanup : instant(tInactive)) : null;
        Duration wall = null;
        if (run != null && end != null && !end.isBefore(run)) wall = Duration.between(run, end);
        else if (run != null && !inactive && runtime != null) wall = Duration.ofNanos(Math.round(runtime * 1e9));
        List<String> machines = js.hasStarted() || run != null ? distinct(Hostlist.expand(nodelist)) : List.of();
        JobInfo info = JobInfo.builder()
                .jobId(jobId())
                .jobName(name)
                .jobState(js)
                .jobSubState(inactive && res != null ? res : stateName.isEmpty() ? null : stateName)
                .annotation(annotation(fatal))
                .exitStatus(js.isTerminal() ? exit.exitStatus() : null)
                .terminatingSignal(exit.signal() == null ? null : Signals.name(exit.signal()))
                .queueName(queue)
                .slots(ncores != null ? ncores : ntasks)
                .allocatedMachines(machines)
                .jobOwner(username)
                .submissionTime(submit)
                .dispatchTime(run)
                .finishTime(end)
                .wallclockTime(wall)
                .build();
        return markedSignal == null ? info : FluxExit.marker(markedSignal).overrule(info);
    }

    /** @return the hosts without repeats, in order; a list of one host as it is */
    private static List<String> distinct(List<String> hosts) {
        return hosts.size() <= 1 ? hosts : new ArrayList<>(new LinkedHashSet<>(hosts));
    }

    /** @return the job's id in the driver's form, or null */
    String jobId() {
        if (id != null) return FluxIds.toF58(id);
        return jobid == null ? null : FluxIds.normalise(jobid).orElse(null);
    }

    private String annotation(boolean fatal) {
        if (exceptionOccurred && exceptionType != null) {
            return exceptionType + (exceptionNote == null || exceptionNote.isEmpty() ? "" : ": " + exceptionNote);
        }
        if (reasonPending != null) return reasonPending;
        if (dependencies != null) return "depends:" + String.join(",", dependencies);
        return null;
    }

    private static Instant instant(double seconds) {
        return seconds > 0 ? FluxJobRecords.epoch(seconds) : null;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static Integer integer(JsonNode v) {
        return v == null || !v.isNumber() ? null : v.asInt();
    }

    private static Long longValue(JsonNode v) {
        return v == null || !v.isNumber() ? null : v.asLong();
    }

    private static double seconds(JsonNode v) {
        return v == null || !v.isNumber() ? 0 : v.asDouble();
    }

    private static String scalar(JsonParser p, JsonToken v) throws IOException {
        if (v.isStructStart()) {
            p.skipChildren();
            return null;
        }
        if (v == JsonToken.VALUE_NULL) return null;
        String s = p.getText();
        return s.isBlank() ? null : s;
    }

    private static Integer intValue(JsonParser p, JsonToken v) throws IOException {
        if (v.isStructStart()) p.skipChildren();
        return v.isNumeric() ? p.getIntValue() : null;
    }

    private static double doubleValue(JsonParser p, JsonToken v) throws IOException {
        if (v.isStructStart()) p.skipChildren();
        return v.isNumeric() ? p.getDoubleValue() : 0;
    }
}
