// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Extensions;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandMetrics;

/**
 * How soon {@code waitTerminated} returns after a Slurm job ends, with 1, 100 or 1,000 threads each
 * waiting on its own job, at the default settings, and what the waiting costs the scheduler. Each
 * job writes its own end time (epoch milliseconds, {@code date}) as its last act; the waiter takes
 * the time its wait returned; both run on the same host, so they share one clock. The same workload
 * runs three times in a row: with completion markers (the default), with markers off
 * ({@code drmaa2j.markers=false}: the poll alone, as before markers), and with markers but no waiter
 * (the program watches the jobs' end files instead). Waiting must add no status command to what
 * the connection runs with no waiter: one poll per slow interval (10 s). At most {@value #MAX_PARALLEL} of the jobs run at once, so the 1,000 waiters see
 * their jobs end in waves over half a minute or so.
 */
final class SlurmWaitFigures {
    /** Long enough for every waiter to be waiting before its job ends. */
    private static final int SLEEP_SECONDS = 2;
    /** Jobs running at once: more overloads the one-container cluster on a small machine (nodes fail). */
    static final int MAX_PARALLEL = 100;
    /** The poll interval when nobody waits (the default of {@code drmaa2j.poll.slowMillis}). */
    private static final int SLOW_POLL_SECONDS = 10;

    private SlurmWaitFigures() {
    }

    /** One run: latencies, status commands and how long the waiting took. */
    private record Run(Latencies latency, long commands, long ticks, double seconds) {
        String commandText() {
            return commands + " (" + ticks + " ticks in " + ResultTable.fmt(seconds) + " s)";
        }
    }

    static void measure(Path state, ResultTable table, int waiters, String release) throws Exception {
        Run marked = run(state, Map.of(), waiters, true);
        Run polled = run(state, Map.of("drmaa2j.markers", "false"), waiters, true);
        Run unwatched = run(state, Map.of(), waiters, false);
        String s = waiters == 1 ? "" : "s";
        Samples m = marked.latency().samples();
        boolean met = m.size() > 0 && m.median() <= 100 && m.percentile(95) <= 300;
        table.add("Slurm " + release + ": waitTerminated latency after the job's end, " + waiters + " waiter" + s + " (p50 / p95 ms)",
                marked.latency().cell(), polled.latency().cell() + " (markers off: the poll alone)", "-", "p50 ≤ 100 ms, p95 ≤ 300 ms", met ? "yes" : "no");
        // with no waiter the connection polls once per slow interval; waiting must add nothing to that
        long noWaiterAllowance = (long) Math.ceil(marked.seconds() / SLOW_POLL_SECONDS);
        table.add("Slurm " + release + ": status commands while " + waiters + " thread" + s + " wait for " + waiters + " job" + s
                        + " (squeue + sacct + scontrol)",
                marked.commandText(), unwatched.commandText() + " (the same jobs, no waiter); markers off: " + polled.commandText(),
                "-", "0 extra (no more than the no-waiter poll, 1 per " + SLOW_POLL_SECONDS + " s)",
                marked.commands() <= noWaiterAllowance ? "yes" : "no");
    }

    private static Run run(Path state, Map<String, String> settings, int waiters, boolean wait) throws Exception {
        Path ends = Files.createTempDirectory(Path.of(System.getProperty("user.home")), "bench-ends-");
        JobTemplate t = endStampingJob(ends.toString());
        Map<String, String> p = new HashMap<>(settings);
        p.put("drmaa2j.stateDir", state.toString());
        Map<String, Long> returned = Map.of();
        Map<Long, Long> markerTimes = Map.of();
        String session = "bench-wait-" + waiters + "-" + System.nanoTime();
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", p);
             JobSession js = sm.createJobSession(session, null)) {
            sm.getDrmsVersion();
            JobArray array = js.runBulkJobs(t, 1, waiters, 1, waiters > MAX_PARALLEL ? MAX_PARALLEL : 0);
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            if (wait) {
                Map<Long, Long> seen = new ConcurrentHashMap<>();
                MarkerFiles markers = new MarkerFiles(markerDirectory(state, session));
                returned = waitEach(array.getJobs(), job -> markers.modified(job).ifPresent(at -> seen.put(index(job.getJobId()), at)));
                markerTimes = seen;
            } else {
                // no waiter: the program looks at the jobs' own end files (no scheduler command), with a safety cap
                long cap = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (System.nanoTime() < cap) {
                    try (var files = Files.list(ends)) {
                        if (files.count() >= waiters) break;
                    }
                    Thread.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> counts = CommandMetrics.counts();
            long commands = counts.getOrDefault("squeue", 0L) + counts.getOrDefault("sacct", 0L) + counts.getOrDefault("scontrol", 0L);
            long ticks = CommandMetrics.statusTicks();
            System.out.println(waiters + (wait ? " waiters" : " jobs, no waiter") + ", settings " + settings + ": " + ticks + " ticks in "
                    + ResultTable.fmt(seconds) + " s; command ms " + CommandMetrics.millis() + "; counts " + counts);
            Map<String, String> endTimes = new HashMap<>();
            try (var files = Files.list(ends)) {
                for (Path f : (Iterable<Path>) files::iterator) endTimes.put(f.getFileName().toString(), Files.readString(f));
            }
            Latencies latency = latencies(returned, endTimes);
            if (wait) System.out.println("  latency " + latency);
            if (wait && settings.isEmpty()) System.out.println("  " + markerSplit(returned, endTimes, markerTimes));
            return new Run(latency, commands, ticks, seconds);
        } finally {
            Shell.run(Shell.CANCEL_ALL);
        }
    }
    /**
     * The job of the wait figures: sleeps {@value #SLEEP_SECONDS} s (so that its waiter is waiting
     * before it ends), then, as its last act, writes its end time (epoch milliseconds) into a file
     * named for its job id ({@code <array job id>_<task id>}: run it as a bulk job) in a directory of
     * the host it runs on.
     *
     * @param endsDir that directory, existing, as the job sees it
     * @return the template
     */
    static JobTemplate endStampingJob(String endsDir) {
        return JobTemplate.builder("/bin/sh")
                .args("-c", "sleep \"$0\"; date +%s%3N > \"$1/${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"",
                        Integer.toString(SLEEP_SECONDS), endsDir)
                .extension(Extensions.MEMORY_PER_NODE_MB, "10")
                .build();
    }

    /**
     * Waits for each job in a thread of its own, all at once.
     *
     * @param jobs the jobs
     * @return job id to the time (epoch milliseconds) its {@code waitTerminated} returned
     * @throws InterruptedException when interrupted
     */
    static Map<String, Long> waitEach(List<Job> jobs) throws InterruptedException {
        return waitEach(jobs, job -> { });
    }

    /**
     * @param jobs the jobs
     * @param after what each waiter does right after its wait returned and its time was taken
     * @return job id to the time (epoch milliseconds) its {@code waitTerminated} returned
     * @throws InterruptedException when interrupted
     */
    static Map<String, Long> waitEach(List<Job> jobs, java.util.function.Consumer<Job> after) throws InterruptedException {
        Map<String, Long> returned = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (Job job : jobs) {
            Thread th = new Thread(() -> {
                job.waitTerminated(Duration.ofMinutes(10));
                returned.put(job.getJobId(), System.currentTimeMillis());
                after.accept(job);
            }, "waiter-" + job.getJobId());
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        return returned;
    }

    /**
     * @param state the state directory
     * @param session a session's name
     * @return that session's marker directory (its {@code markers} directory), or null
     */
    static Path markerDirectory(Path state, String session) throws java.io.IOException {
        try (var files = Files.walk(state)) {
            return files.filter(d -> d.getFileName().toString().equals(session) && Files.isDirectory(d.resolve("markers")))
                    .map(d -> d.resolve("markers")).findFirst().orElse(null);
        }
    }

    /**
     * The completion markers of one bulk job: {@code TAG.INDEX.exit}, one tag for all its tasks,
     * found once; then each lookup is one {@code stat}, so that looking does not slow the waits
     * still going on.
     */
    private static final class MarkerFiles {
        private final Path directory;
        private volatile String tag;

        MarkerFiles(Path directory) {
            this.directory = directory;
        }

        /** @return when the job's marker was last modified (epoch ms), if it is there (the poll's confirmation deletes it) */
        java.util.Optional<Long> modified(Job job) {
            try {
                if (directory == null || tag() == null) return java.util.Optional.empty();
                return java.util.Optional.of(Files.getLastModifiedTime(directory.resolve(tag + "." + index(job.getJobId()) + ".exit")).toMillis());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return java.util.Optional.empty(); // deleted meanwhile
            }
        }

        private synchronized String tag() throws java.io.IOException {
            if (tag != null) return tag;
            try (var files = Files.list(directory)) {
                tag = files.map(f -> f.getFileName().toString()).filter(n -> n.matches(".+\\.\\d+\\.exit"))
                        .map(n -> n.substring(0, n.lastIndexOf('.', n.length() - ".exit".length() - 1))).findFirst().orElse(null);
            }
            return tag;
        }
    }

    private static long index(String jobId) {
        return Long.parseLong(jobId.substring(jobId.lastIndexOf('_') + 1));
    }

    /**
     * Splits each latency at the moment the job's completion marker was written.
     *
     * @return the marker's delay after the job's end and the wait's after the marker, as p50 / p95
     */
    static String markerSplit(Map<String, Long> returned, Map<String, String> endTimes, Map<Long, Long> markerTimes) {
        Samples tail = new Samples();
        Samples watch = new Samples();
        for (Map.Entry<String, Long> e : returned.entrySet()) {
            String end = endTimes.get(e.getKey());
            int u = e.getKey().lastIndexOf('_');
            Long marker = u < 0 ? null : markerTimes.get(Long.parseLong(e.getKey().substring(u + 1)));
            if (end == null || end.isBlank() || marker == null) continue;
            tail.add(marker - Long.parseLong(end.strip()));
            watch.add(e.getValue() - marker);
        }
        if (tail.size() == 0) return "no marker left to split the latency";
        return "of which the marker written after the job's end p50 " + ResultTable.fmt(tail.median()) + " / p95 "
                + ResultTable.fmt(tail.percentile(95)) + " ms, the wait's return after the marker p50 " + ResultTable.fmt(watch.median())
                + " / p95 " + ResultTable.fmt(watch.percentile(95)) + " ms (" + tail.size() + " markers)";
    }

    /** Wait latencies (ms after the job's own end time) and the number of jobs that wrote no end time. */
    record Latencies(Samples samples, int missing) {
        /** @return the table cell: {@code p50 / p95}, and the jobs that wrote no end time if any */
        String cell() {
            return ResultTable.fmt(samples.median()) + " / " + ResultTable.fmt(samples.percentile(95))
                    + (missing > 0 ? "; " + missing + " jobs wrote no end time" : "");
        }

        @Override
        public String toString() {
            return "p50 " + ResultTable.fmt(samples.median()) + " ms, p95 " + ResultTable.fmt(samples.percentile(95)) + " ms over "
                    + samples.size() + " jobs" + (missing > 0 ? "; " + missing + " jobs wrote no end time" : "");
        }
    }

    /**
     * @param returned job id to the time its wait returned (epoch ms)
     * @param endTimes end file name (the job id) to its content, as {@link #endStampingJob} wrote it
     * @return each wait's latency after its job's end
     */
    static Latencies latencies(Map<String, Long> returned, Map<String, String> endTimes) {
        Samples latency = new Samples();
        int missing = 0;
        for (Map.Entry<String, Long> e : returned.entrySet()) {
            String end = endTimes.get(e.getKey());
            if (end == null || end.isBlank()) {
                missing++;
                continue;
            }
            latency.add(e.getValue() - Long.parseLong(end.strip()));
        }
        return new Latencies(latency, missing);
    }
}
