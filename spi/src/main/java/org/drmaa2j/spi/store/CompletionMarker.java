// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.util.Signals;

/**
 * The small file a job leaves when it ends, in its session directory
 * ({@link SessionStore#markerFile}), written by whatever ran the job: the local driver's job supervisor
 * (atomically: a temporary file and a rename), or the last lines of a CLI driver's batch script (one
 * write of the shell's {@code printf}, {@link org.drmaa2j.spi.script.CompletionTail}). One
 * {@code key=value} per line, all values numbers:
 * <pre>
 * exit=3        exit status, empty when a signal ended the job
 * signal=0      signal number that ended the job, 0 for none
 * start=1764000000   start, seconds since the epoch (optional)
 * end=1764000012     end, seconds since the epoch (optional: else the file's modification time)
 * cpu=1.25      user+system CPU seconds of the job's processes (optional)
 * </pre>
 * Every writer writes the {@code signal=} line: a file without it whole (ending in a line break) is
 * one being written, and {@link #read} says there is no marker yet.
 *
 * @param exitStatus the exit status, or null when a signal ended the job
 * @param signal the signal number, 0 for none
 * @param start the start, or null
 * @param end the end, or null
 * @param cpu the CPU time, or null
 */
public record CompletionMarker(Integer exitStatus, int signal, Instant start, Instant end, Duration cpu) {
    /**
     * Driver data key of a job whose script writes a marker ({@link org.drmaa2j.spi.script.CompletionTail}):
     * the marker's file name in the session's marker directory ({@link SessionStore#markerDirectory}).
     * The generic layer removes it once the scheduler has confirmed the job's end (and deletes the
     * marker then).
     */
    public static final String DRIVER_DATA_KEY = "drmaa2j.marker";

    /**
     * @param file a marker file
     * @return the marker, or empty if the file does not exist (yet)
     * @throws IOException if it exists and cannot be read
     */
    public static Optional<CompletionMarker> read(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!isWhole(text)) return Optional.empty();
            CompletionMarker m = parse(text);
            if (m.end() != null) return Optional.of(m);
            Instant modified = Instant.ofEpochSecond(Files.getLastModifiedTime(file).toInstant().getEpochSecond());
            return Optional.of(new CompletionMarker(m.exitStatus(), m.signal(), m.start(), modified, m.cpu()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * @param text a marker file's content
     * @return true when it holds its whole {@code signal=} line, which every writer writes: else the
     *     writer's write has not landed yet (the file was just created) or was cut short
     */
    static boolean isWhole(String text) {
        int line;
        if (text.startsWith("signal=")) {
            line = 0;
        } else {
            line = text.indexOf("\nsignal=");
            if (line < 0) return false;
            line++;
        }
        return text.indexOf('\n', line) > line;
    }

    /**
     * Reads the markers of many jobs at once, for a backend's batched status call.
     *
     * @param store the session store
     * @param jobs the jobs
     * @return the markers that exist, by job id (unreadable ones are left out)
     */
    public static Map<String, CompletionMarker> readAll(SessionStore store, java.util.List<JobRecord> jobs) {
        Map<String, CompletionMarker> found = new HashMap<>();
        for (JobRecord r : jobs) {
            try {
                read(store.markerFile(r.sessionName(), r.jobId())).ifPresent(m -> found.put(r.jobId(), m));
            } catch (IOException e) {
                // a marker being replaced or unreadable: the scheduler's answer stands
            }
        }
        return found;
    }

    /**
     * @param text the marker's content
     * @return the marker; missing or malformed values are null
     */
    public static CompletionMarker parse(String text) {
        Map<String, String> m = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        Long exit = number(m.get("exit"));
        Long sig = number(m.get("signal"));
        Long start = number(m.get("start"));
        Long end = number(m.get("end"));
        Duration cpu = null;
        try {
            String c = m.get("cpu");
            if (c != null && !c.isEmpty()) cpu = Duration.ofMillis(Math.round(Double.parseDouble(c) * 1000));
        } catch (NumberFormatException e) {
            cpu = null;
        }
        return new CompletionMarker(exit == null ? null : exit.intValue(), sig == null ? 0 : sig.intValue(),
                start == null ? null : Instant.ofEpochSecond(start), end == null ? null : Instant.ofEpochSecond(end), cpu);
    }

    /** @return the marker's file content */
    public String format() {
        return "exit=" + (exitStatus == null ? "" : exitStatus) + "\nsignal=" + signal
                + "\nstart=" + (start == null ? "" : start.getEpochSecond())
                + "\nend=" + (end == null ? "" : end.getEpochSecond())
                + "\ncpu=" + (cpu == null ? "" : cpu.toMillis() / 1000.0) + "\n";
    }

    /** @return DONE for exit status 0 without a signal, else FAILED */
    public JobState state() {
        return signal == 0 && exitStatus != null && exitStatus == 0 ? JobState.DONE : JobState.FAILED;
    }

    /**
     * Fills a job's end values from this marker: state, exit status, signal name, finish time, CPU
     * and wall-clock time (from the marker's start, else the builder's dispatch time).
     *
     * @param b a builder holding the job's other values
     * @param dispatch when the job started, if known
     * @return the builder
     */
    public JobInfo.Builder applyTo(JobInfo.Builder b, Instant dispatch) {
        b.jobState(state()).exitStatus(signal == 0 ? exitStatus : null).terminatingSignal(Signals.name(signal));
        if (end != null) b.finishTime(end);
        if (cpu != null) b.cpuTime(cpu);
        Instant from = start != null ? start : dispatch;
        if (from != null && end != null && !end.isBefore(from)) b.wallclockTime(Duration.between(from, end));
        return b;
    }

    /**
     * The one rule for an ended job whose scheduler and marker disagree about how it ended, for
     * every driver whose job script writes a marker. A command killed by signal N makes the script
     * end with the shell's status 128+N, and that is what the scheduler records (OpenPBS
     * {@code Exit_status} 137, Flux {@code returncode} 137 for SIGKILL, no signal); only the script,
     * which wrote this marker, knows it was a signal. So when the scheduler reports exit status
     * 128+N and no signal, and this marker says signal N, the marker wins: the job is FAILED with
     * signal N and no exit status. In every other case the scheduler's report stands unchanged.
     *
     * @param reported the job's information as the scheduler reports it
     * @return {@code reported}, or a copy with the marker's signal in place of the shell's status
     */
    public JobInfo overrule(JobInfo reported) {
        if (reported == null || !explainsShellStatus(reported.getExitStatus()) || reported.getTerminatingSignal() != null) {
            return reported;
        }
        return reported.toBuilder().jobState(JobState.FAILED).exitStatus(null).terminatingSignal(Signals.name(signal)).build();
    }

    /**
     * The job as this marker says it ended, on top of what is known of it from the scheduler: the
     * state, exit status, signal and finish time are the marker's, everything else (queue,
     * machines, dispatch time, the scheduler's own state word) stays as known.
     *
     * @param known the job's latest information
     * @return it with this marker's end
     */
    public JobInfo endOf(JobInfo known) {
        return applyTo(known.toBuilder(), known.getDispatchTime()).build();
    }

    /**
     * What a job whose marker was found is, given the scheduler's answer: when the scheduler says
     * the job ended, its answer stands ({@link #overrule} aside), with the marker's finish time
     * where it gives none; while it still lists the job as running (Slurm's COMPLETING), its answer
     * with this marker's end ({@link #endOf}).
     *
     * @param reported the scheduler's answer
     * @return the job's information
     */
    public JobInfo settle(JobInfo reported) {
        JobState s = reported.getJobState();
        if (s == null || !s.isTerminal()) return endOf(reported);
        JobInfo r = overrule(reported);
        if (r.getFinishTime() == null && end != null) r = r.toBuilder().finishTime(end).build();
        return r;
    }

    /**
     * @param reportedExit an exit status a scheduler reports, or null
     * @return true when it is the shell's 128+N for this marker's signal N
     */
    public boolean explainsShellStatus(Integer reportedExit) {
        return signal > 0 && reportedExit != null && reportedExit == 128 + signal;
    }

    private static Long number(String s) {
        if (s == null || s.isEmpty()) return null;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
