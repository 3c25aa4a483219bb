// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.UnreadableOutputException;
import org.drmaa2j.spi.util.Signals;

/**
 * Job ClassAds as {@code condor_q -json} and {@code condor_history -json} print them (an array of
 * objects, nothing at all when no job matches), turned into {@link JobInfo}. Attributes that are
 * absent or of the wrong type stay unknown.
 */
final class CondorJobAds {
    /** The attributes the driver asks condor_q and condor_history for ({@code -attributes}). */
    static final List<String> ATTRIBUTES = List.of("ClusterId", "ProcId", "JobStatus", "JobBatchName", "Owner", "GlobalJobId",
            "QDate", "JobCurrentStartDate", "JobCurrentStartExecutingDate", "CompletionDate", "EnteredCurrentStatus",
            "ExitCode", "ExitBySignal", "ExitSignal", "HoldReason", "HoldReasonCode", "RemoveReason", "NumJobStarts",
            "RemoteHost", "LastRemoteHost", "RequestCpus", "CpusProvisioned", "RemoteWallClockTime", "RemoteUserCpu",
            "RemoteSysCpu", "JobMaterializeNextProcId", CondorLateTasks.HELD);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Epoch seconds beyond this (year 5138) are garbage, not times. */
    private static final long MAX_EPOCH = 100_000_000_000L;

    private CondorJobAds() {
    }

    /** @return the {@code -attributes} value */
    static String attributeList() {
        return String.join(",", ATTRIBUTES);
    }

    /**
     * @param stdout what {@code condor_q -json} or {@code condor_history -json} printed
     * @param command the command's name, for the message
     * @return the ads, in the order printed
     * @throws UnreadableOutputException carrying the output when it is not a JSON array of objects
     */
    static List<JsonNode> parse(String stdout, String command) {
        List<JsonNode> out = new ArrayList<>();
        if (stdout.isBlank()) return out;
        JsonNode root;
        try {
            root = MAPPER.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new UnreadableOutputException(command + " printed no JSON (" + e.getOriginalMessage() + ")", stdout, e);
        }
        if (root == null || !root.isArray()) throw new UnreadableOutputException(command + " printed no JSON array", stdout, null);
        for (JsonNode ad : root) {
            if (!ad.isObject()) throw new UnreadableOutputException(command + " printed an array element that is no ClassAd", stdout, null);
            out.add(ad);
        }
        return out;
    }

    /**
     * @param ad a job ad
     * @return {@code ClusterId.ProcId}, or null when either is missing
     */
    static String jobId(JsonNode ad) {
        Long cluster = number(ad, "ClusterId");
        Long proc = number(ad, "ProcId");
        return cluster == null || proc == null || cluster < 0 || proc < 0 ? null : cluster + "." + proc;
    }

    /**
     * @param ad a job ad with an id ({@link #jobId})
     * @return the job's information
     */
    static JobInfo toJobInfo(JsonNode ad) {
        Integer status = integer(ad, "JobStatus");
        Long starts = number(ad, "NumJobStarts");
        Boolean bySignal = bool(ad, "ExitBySignal");
        Integer exitCode = integer(ad, "ExitCode");
        Integer signal = integer(ad, "ExitSignal");
        JobState state = CondorStates.map(status, starts != null && starts > 0, bySignal, exitCode);
        // a task on its array's held list is held by the user, also while it waits, materialized, for periodic_hold
        boolean listedHeld = status != null && (status == 1 || status == 5) && CondorLateTasks.isListedHeld(ad);
        if (listedHeld) state = starts != null && starts > 0 ? JobState.REQUEUED_HELD : JobState.QUEUED_HELD;
        boolean ended = state.isTerminal();
        boolean signalled = ended && Boolean.TRUE.equals(bySignal) && signal != null && signal > 0;
        Instant submitted = epoch(ad, "QDate");
        // an ended job whose shadow started but whose process never did (NumJobStarts 0) was not dispatched; a job
        // reported RUNNING (or SUSPENDED) is on its machine from the shadow's start, before NumJobStarts counts it
        boolean onMachine = state == JobState.RUNNING || state == JobState.SUSPENDED;
        Instant dispatched = starts == null || starts > 0 || onMachine
                ? firstEpoch(ad, "JobCurrentStartExecutingDate", "JobCurrentStartDate") : null;
        Instant finished = !ended ? null : status != null && status == 4 ? firstEpoch(ad, "CompletionDate", "EnteredCurrentStatus")
                : epoch(ad, "EnteredCurrentStatus");
        boolean ran = dispatched != null;
        if (finished != null && dispatched != null && finished.isBefore(dispatched)) finished = dispatched;
        String host = machine(text(ad, ended ? "LastRemoteHost" : "RemoteHost"));
        if (host == null) host = machine(text(ad, "LastRemoteHost"));
        Long cpus = number(ad, "CpusProvisioned");
        if (cpus == null || cpus < 1) cpus = number(ad, "RequestCpus");
        return JobInfo.builder()
                .jobId(jobId(ad))
                .jobName(text(ad, "JobBatchName"))
                .jobState(state)
                .jobSubState(listedHeld ? CondorStates.name(5) : status == null ? null : CondorStates.name(status))
                .annotation(listedHeld ? "held by the user" : annotation(ad, status))
                .exitStatus(ended && !signalled && status != null && status == 4 ? exitCode : null)
                .terminatingSignal(signalled ? Signals.name(signal) : null)
                .slots(cpus != null && cpus > 0 ? cpus : null)
                .allocatedMachines(ran && host != null ? List.of(host) : List.of())
                .jobOwner(text(ad, "Owner"))
                .submissionMachine(scheddName(text(ad, "GlobalJobId")))
                .submissionTime(submitted)
                .dispatchTime(dispatched)
                .finishTime(finished)
                .wallclockTime(ran ? wallclock(ad, dispatched, finished) : null)
                .cpuTime(cpuTime(ad))
                .build();
    }

    /** Held: who held the job and why; removed: why. */
    private static String annotation(JsonNode ad, Integer status) {
        if (status == null) return null;
        if (status == 5) {
            Integer code = integer(ad, "HoldReasonCode");
            String reason = text(ad, "HoldReason");
            String who = CondorStates.heldByUser(code) ? "held by the user" : "held by the system (HoldReasonCode " + code + ")";
            return reason == null ? who : who + ": " + reason;
        }
        if (status == 3) {
            String reason = text(ad, "RemoveReason");
            if (reason != null && reason.contains("HoldReasonCode =?= " + CondorStates.HOLD_EXECUTE_DURATION_EXCEEDED)) {
                return "wall-clock limit exceeded (allowed_execute_duration): " + reason;
            }
            return reason;
        }
        return null;
    }

    /** @return the wall-clock time HTCondor counted, else the time between start and end (or now) */
    private static Duration wallclock(JsonNode ad, Instant dispatched, Instant finished) {
        Double counted = decimal(ad, "RemoteWallClockTime");
        if (finished != null && counted != null && counted > 0) return Duration.ofMillis(Math.round(counted * 1000));
        Instant end = finished != null ? finished : Instant.now();
        return end.isBefore(dispatched) ? Duration.ZERO : Duration.between(dispatched, end);
    }

    private static Duration cpuTime(JsonNode ad) {
        Double user = decimal(ad, "RemoteUserCpu");
        Double sys = decimal(ad, "RemoteSysCpu");
        if (user == null && sys == null) return null;
        double s = (user == null ? 0 : user) + (sys == null ? 0 : sys);
        return s < 0 || s > 1e12 ? null : Duration.ofMillis(Math.round(s * 1000));
    }

    /**
     * @param slot a slot name such as {@code slot1_2@node7.example.org}, or a bare host name
     * @return the machine's name, or null
     */
    static String machine(String slot) {
        if (slot == null || slot.isBlank()) return null;
        int at = slot.lastIndexOf('@');
        String m = at >= 0 ? slot.substring(at + 1) : slot;
        return m.isBlank() ? null : m.strip();
    }

    /** @return the schedd part of {@code GlobalJobId} ({@code schedd#cluster.proc#qdate}), or null */
    private static String scheddName(String globalJobId) {
        if (globalJobId == null) return null;
        int hash = globalJobId.indexOf('#');
        return hash > 0 ? globalJobId.substring(0, hash) : null;
    }

    static String text(JsonNode ad, String key) {
        JsonNode v = ad.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** @return a whole number; HTCondor prints some counts as floating point ({@code "TotalCpus": 8.0}) */
    static Long number(JsonNode ad, String key) {
        JsonNode v = ad.get(key);
        if (v == null || !v.isNumber()) return null;
        if (v.isIntegralNumber()) return v.canConvertToLong() ? v.asLong() : null;
        double d = v.asDouble();
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) d : null;
    }

    static Integer integer(JsonNode ad, String key) {
        Long n = number(ad, key);
        return n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    private static Double decimal(JsonNode ad, String key) {
        JsonNode v = ad.get(key);
        if (v == null || !v.isNumber()) return null;
        double d = v.asDouble();
        return Double.isFinite(d) ? d : null;
    }

    private static Boolean bool(JsonNode ad, String key) {
        JsonNode v = ad.get(key);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    /** @return the epoch-seconds attribute as an instant; 0, negative and absurd values are unknown */
    static Instant epoch(JsonNode ad, String key) {
        Long s = number(ad, key);
        return s == null || s <= 0 || s > MAX_EPOCH ? null : Instant.ofEpochSecond(s);
    }

    private static Instant firstEpoch(JsonNode ad, String... keys) {
        for (String k : keys) {
            Instant i = epoch(ad, k);
            if (i != null) return i;
        }
        return null;
    }
}
