// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.util.Signals;

/**
 * Builds the final {@link JobInfo} of a job from what {@code drmaa_wait} returned: DONE only for an
 * exit with status 0; a non-zero exit, a signal or an abort (ended before it ran) is FAILED. The
 * resource usage is read where the library reports it under Grid Engine's names
 * ({@code submission_time}, {@code start_time}, {@code end_time}, {@code ru_wallclock},
 * {@code cpu}; also {@code exit_status} and {@code signal} when the stat word says neither) and
 * kept whole in the extensions as {@code rusage.<name>}.
 */
final class ReapedJobInfo {
    /** Extension key prefix of the library's resource usage pairs. */
    static final String RUSAGE_PREFIX = "rusage.";

    private ReapedJobInfo() {
    }

    /**
     * @param r what drmaa_wait returned
     * @param base what was known before (name, queue, submission time), may be null
     * @return the job's final information
     */
    static JobInfo of(WaitResult r, JobInfo base) {
        JobInfo.Builder b = base == null ? JobInfo.builder() : base.toBuilder();
        Map<String, String> ru = r.rusage();
        Integer exit = r.exitStatus();
        String signal = r.signaled() ? normaliseSignal(r.signal()) : null;
        if (exit == null && signal == null && !r.aborted()) {
            Integer ruSignal = integer(ru.get("signal"));
            if (ruSignal != null && ruSignal > 0 && ruSignal <= 64) signal = Signals.name(ruSignal);
            else exit = integer(ru.get("exit_status"));
        }
        JobState state = !r.aborted() && signal == null && exit != null && exit == 0 ? JobState.DONE : JobState.FAILED;
        b.jobId(r.jobId()).jobState(state).jobSubState(state == JobState.DONE ? "DONE" : "FAILED")
                .exitStatus(signal == null ? exit : null).terminatingSignal(signal);
        Instant started = time(ru.get("start_time"));
        if (r.aborted()) {
            b.jobSubState("ABORTED").annotation(started != null ? "the job was deleted while it ran"
                    : "the job ended before it ran (deleted while queued, or it could not start)");
            Integer shellStatus = integer(ru.get("exit_status"));
            if (started != null && shellStatus != null) b.terminatingSignal(Signals.fromShellStatus(shellStatus));
        } else if (ru.isEmpty() && exit == null && signal == null) b.annotation("the DRMAA library reported no exit status or usage for this job (typically: deleted before it ran)");
        else if (r.coreDumped()) b.annotation("core dumped");
        Instant submitted = time(ru.get("submission_time"));
        Instant ended = time(ru.get("end_time"));
        if (submitted != null) b.submissionTime(submitted);
        if (started != null) b.dispatchTime(started);
        if (ended != null) b.finishTime(ended);
        else b.finishTime(Instant.now());
        Duration wall = seconds(ru.get("ru_wallclock"));
        if (wall != null) b.wallclockTime(wall);
        Duration cpu = seconds(ru.get("cpu"));
        if (cpu != null) b.cpuTime(cpu);
        Map<String, String> ext = new LinkedHashMap<>(base == null ? Map.of() : base.getExtensions());
        ru.forEach((k, v) -> ext.put(RUSAGE_PREFIX + k, v));
        b.extensions(ext);
        return b.build();
    }

    /** @return {@code SIGKILL} for {@code SIGKILL}, {@code KILL} or {@code 9}; other text unchanged */
    static String normaliseSignal(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Signals.name(Signals.number(s));
        } catch (IllegalArgumentException e) {
            return s.strip();
        }
    }

    /**
     * @param v seconds since the epoch as the library prints them ({@code 1700000000},
     *        {@code 1700000000.1234}); values above 10^11 are taken as milliseconds, above 10^14 as
     *        microseconds
     * @return the instant, or null for absent, zero or unreadable values
     */
    static Instant time(String v) {
        Double d = number(v);
        if (d == null || d <= 0) return null;
        if (d > 1e14) return Instant.ofEpochSecond(0, (long) (d * 1000));
        if (d > 1e11) return Instant.ofEpochMilli(d.longValue());
        return Instant.ofEpochSecond(0, (long) (d * 1e9));
    }

    static Duration seconds(String v) {
        Double d = number(v);
        return d == null || d < 0 ? null : Duration.ofNanos((long) (d * 1e9));
    }

    private static Integer integer(String v) {
        Double d = number(v);
        return d == null ? null : d.intValue();
    }

    private static Double number(String v) {
        if (v == null || v.isBlank()) return null;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
