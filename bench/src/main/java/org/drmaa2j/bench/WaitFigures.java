// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Extensions;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandMetrics;

/**
 * How soon {@code waitTerminated} returns after a job ends, with many threads waiting at once, at
 * the default settings, and what the waiting costs the scheduler; run on the scheduler's host, with
 * this JVM and the jobs sharing one clock. Each job writes its own end time (epoch milliseconds,
 * {@code date}) as its last act; each waiter takes the time its wait returned. The same workload, a
 * bulk job, runs three times in a row: with completion markers (the default), with markers off
 * ({@code drmaa2j.markers=false}: the poll alone), and with markers but no waiter (the program
 * watches the jobs' end files instead). Waiting must add no status command to what the connection
 * runs with no waiter: one poll per slow interval (10 s).
 */
final class WaitFigures {
    /** Long enough for every waiter to be waiting before its job ends. */
    static final int SLEEP_SECONDS = 2;
    /** The poll interval when nobody waits (the default of {@code drmaa2j.poll.slowMillis}). */
    private static final int SLOW_POLL_SECONDS = 10;

    private WaitFigures() {
    }

    /** What the figures need to know of one scheduler. */
    interface Scheduler {
        /** @return the rows' prefix, e.g. {@code Slurm 24.11} */
        String label();

        /** @return the provider's name */
        String provider();

        /** @return the session manager's settings besides the state directory (a contact, say) */
        Map<String, String> settings();

        /**
         * @param endsDir a directory of the host the jobs run on
         * @return a job that sleeps {@value #SLEEP_SECONDS} s, then, as its last act, writes its end
         *     time into {@code endsDir/}{@link #endFile} of its job id
         */
        JobTemplate endStampingJob(String endsDir);

        /** @return the name of the end file of the job with that id */
        String endFile(String jobId);

        /** @return the task index of the job with that id (its marker is {@code TAG.INDEX.exit}) */
        long index(String jobId);

        /** @return the status commands among the commands run, by program */
        long statusCommands(Map<String, Long> counts);

        /** @return their names, e.g. {@code squeue + sacct + scontrol} */
        String statusCommandNames();

        /** @return how many of the bulk job's tasks may run at once, 0 for no limit */
        int maxParallel(int jobs);

        /** @return a shell line that removes every job of the user */
        String cancelAll();
    }

    /** One run: latencies, status commands and how long the waiting took. */
    private record Run(Latencies latency, long commands, long ticks, double seconds) {
        String commandText() {
            return commands + " (" + ticks + " ticks in " + ResultTable.fmt(seconds) + " s)";
        }
    }

    /**
     * @param state the state directory
     * @param table the table that receives the rows
     * @param waiters threads waiting at once
     * @param jobs jobs they wait on, waiter i on job i mod jobs ({@code waiters} for one each)
     * @param why when {@code jobs < waiters}, why, printed in the rows
     * @param s the scheduler
     */
    static void measure(Path state, ResultTable table, int waiters, int jobs, String why, Scheduler s) throws Exception {
        Run marked = run(state, Map.of(), waiters, jobs, true, s);
        Run polled = run(state, Map.of("drmaa2j.markers", "false"), waiters, jobs, true, s);
        Run unwatched = run(state, Map.of(), waiters, jobs, false, s);
        String w = waiters == 1 ? "" : "s";
        String on = jobs == waiters ? "" : " on " + jobs + " jobs (" + why + ")";
        Samples m = marked.latency().samples();
        boolean met = m.size() > 0 && m.median() <= 100 && m.percentile(95) <= 300;
        table.add(s.label() + ": waitTerminated latency after the job's end, " + waiters + " waiter" + w + on + " (p50 / p95 ms)",
                marked.latency().cell(), polled.latency().cell() + " (markers off: the poll alone)", "-", "p50 ≤ 100 ms, p95 ≤ 300 ms", met ? "yes" : "no");
        // with no waiter the connection polls once per slow interval, each tick running as many commands as
        // it does without a waiter (HTCondor: condor_q, and condor_history once jobs have left the queue);
        // waiting must add nothing to that
        long perTick = unwatched.ticks() > 0 ? Math.max(1, (long) Math.ceil((double) unwatched.commands() / unwatched.ticks())) : 1;
        long noWaiterAllowance = (long) Math.ceil(marked.seconds() / SLOW_POLL_SECONDS) * perTick;
        table.add(s.label() + ": status commands while " + waiters + " thread" + w + " wait for " + jobs + " job" + (jobs == 1 ? "" : "s")
                        + " (" + s.statusCommandNames() + ")",
                marked.commandText(), unwatched.commandText() + " (the same jobs, no waiter); markers off: " + polled.commandText(),
                "-", "0 extra (no more than the no-waiter poll, 1 tick per " + SLOW_POLL_SECONDS + " s)",
                marked.commands() <= noWaiterAllowance ? "yes" : "no");
    }

    private static Run run(Path state, Map<String, String> settings, int waiters, int jobs, boolean wait, Scheduler s) throws Exception {
        Path ends = Files.createTempDirectory(Path.of(System.getProperty("user.home")), "bench-ends-");
        JobTemplate t = s.endStampingJob(ends.toString());
        Map<String, String> p = new HashMap<>(s.settings());
        p.putAll(settings);
        p.put("drmaa2j.stateDir", state.toString());
        List<Map.Entry<String, Long>> returned = List.of();
        Map<Long, Long> markerTimes = Map.of();
        String session = "bench-wait-" + waiters + "-" + System.nanoTime();
        try (SessionManager sm = Drmaa2.getSessionManager(s.provider(), p);
             JobSession js = sm.createJobSession(session, null)) {
            sm.getDrmsVersion();
            JobArray array = js.runBulkJobs(t, 1, jobs, 1, s.maxParallel(jobs));
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            if (wait) {
                Map<Long, Long> seen = new ConcurrentHashMap<>();
                MarkerFiles markers = new MarkerFiles(markerDirectory(state, session));
                List<Job> each = new ArrayList<>();
                for (int i = 0; i < waiters; i++) each.add(array.getJobs().get(i % jobs));
                returned = waitAll(each, job -> markers.modified(s.index(job.getJobId())).ifPresent(at -> seen.put(s.index(job.getJobId()), at)));
                markerTimes = seen;
            } else {
                // no waiter: the program looks at the jobs' own end files (no scheduler command), with a safety cap
                long cap = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (System.nanoTime() < cap) {
                    try (var files = Files.list(ends)) {
                        if (files.count() >= jobs) break;
                    }
                    Thread.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> counts = CommandMetrics.counts();
            long commands = s.statusCommands(counts);
            long ticks = CommandMetrics.statusTicks();
            System.out.println(waiters + (wait ? " waiters" : " jobs, no waiter") + ", settings " + settings + ": " + ticks + " ticks in "
                    + ResultTable.fmt(seconds) + " s; command ms " + CommandMetrics.millis() + "; counts " + counts);
            Map<String, String> endTimes = new HashMap<>();
            try (var files = Files.list(ends)) {
                for (Path f : (Iterable<Path>) files::iterator) endTimes.put(f.getFileName().toString(), Files.readString(f));
            }
            Latencies latency = latencies(returned, endTimes, s);
            if (wait) System.out.println("  latency " + latency);
            if (wait && settings.isEmpty()) System.out.println("  " + markerSplit(returned, endTimes, markerTimes, s));
            return new Run(latency, commands, ticks, seconds);
        } finally {
            Shell.run(s.cancelAll());
        }
    }

    /**
     * @param endsDir a directory as the job sees it
     * @param name the end file's name, a shell word the job's {@code sh} expands ({@code $2} is the first of {@code more})
     * @param more further arguments of the job's {@code sh -c}
     * @return a job that sleeps {@value #SLEEP_SECONDS} s, then writes its end time (epoch ms) into
     *     {@code endsDir/name} as its last act
     */
    static JobTemplate endStampingJob(String endsDir, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("-c", "sleep \"$0\"; date +%s%3N > \"$1/" + name + "\"",
                Integer.toString(SLEEP_SECONDS), endsDir));
        args.addAll(List.of(more));
        return JobTemplate.builder("/bin/sh").args(args).extension(Extensions.MEMORY_PER_NODE_MB, "10").build();
    }

    /**
     * Waits for each job in a thread of its own, all at once.
     *
     * @param jobs the jobs
     * @return job id to the time (epoch milliseconds) its {@code waitTerminated} returned
     * @throws InterruptedException when interrupted
     */
    static Map<String, Long> waitEach(List<Job> jobs) throws InterruptedException {
        Map<String, Long> returned = new HashMap<>();
        for (Map.Entry<String, Long> e : waitAll(jobs, job -> { })) returned.put(e.getKey(), e.getValue());
        return returned;
    }

    /**
     * @param jobs the job each thread waits on (a job may be waited on by several)
     * @param after what each waiter does right after its wait returned and its time was taken
     * @return per waiter, its job's id and the time (epoch milliseconds) its {@code waitTerminated} returned
     * @throws InterruptedException when interrupted
     */
    private static List<Map.Entry<String, Long>> waitAll(List<Job> jobs, Consumer<Job> after) throws InterruptedException {
        ConcurrentLinkedQueue<Map.Entry<String, Long>> returned = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (Job job : jobs) {
            Thread th = new Thread(() -> {
                job.waitTerminated(Duration.ofMinutes(10));
                returned.add(Map.entry(job.getJobId(), System.currentTimeMillis()));
                after.accept(job);
            }, "waiter-" + job.getJobId());
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        return new ArrayList<>(returned);
    }

    /**
     * @param state the state directory
     * @param session a session's name
     * @return that session's marker directory (its {@code markers} directory), or null
     */
    static Path markerDirectory(Path state, String session) throws IOException {
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

        /** @return when the marker of that task was last modified (epoch ms), if it is there (the poll's confirmation deletes it) */
        Optional<Long> modified(long index) {
            try {
                if (directory == null || tag() == null) return Optional.empty();
                return Optional.of(Files.getLastModifiedTime(directory.resolve(tag + "." + index + ".exit")).toMillis());
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty(); // deleted meanwhile
            }
        }

        private synchronized String tag() throws IOException {
            if (tag != null) return tag;
            try (var files = Files.list(directory)) {
                tag = files.map(f -> f.getFileName().toString()).filter(n -> n.matches(".+\\.\\d+\\.exit"))
                        .map(n -> n.substring(0, n.lastIndexOf('.', n.length() - ".exit".length() - 1))).findFirst().orElse(null);
            }
            return tag;
        }
    }

    /**
     * Splits each latency at the moment the job's completion marker was written.
     *
     * @return the marker's delay after the job's end and the wait's after the marker, as p50 / p95
     */
    private static String markerSplit(List<Map.Entry<String, Long>> returned, Map<String, String> endTimes, Map<Long, Long> markerTimes,
                                      Scheduler s) {
        Samples tail = new Samples();
        Samples watch = new Samples();
        for (Map.Entry<String, Long> e : returned) {
            String end = endTimes.get(s.endFile(e.getKey()));
            Long marker = markerTimes.get(s.index(e.getKey()));
            if (end == null || end.isBlank() || marker == null) continue;
            tail.add(marker - Long.parseLong(end.strip()));
            watch.add(e.getValue() - marker);
        }
        if (tail.size() == 0) return "no marker left to split the latency";
        return "of which the marker written after the job's end p50 " + ResultTable.fmt(tail.median()) + " / p95 "
                + ResultTable.fmt(tail.percentile(95)) + " ms, the wait's return after the marker p50 " + ResultTable.fmt(watch.median())
                + " / p95 " + ResultTable.fmt(watch.percentile(95)) + " ms (" + tail.size() + " waits)";
    }

    /** Wait latencies (ms after the job's own end time) and the number of waits whose job wrote no end time. */
    record Latencies(Samples samples, int missing) {
        /** @return the table cell: {@code p50 / p95}, and the jobs that wrote no end time if any */
        String cell() {
            return ResultTable.fmt(samples.median()) + " / " + ResultTable.fmt(samples.percentile(95))
                    + (missing > 0 ? "; " + missing + " jobs wrote no end time" : "");
        }

        @Override
        public String toString() {
            return "p50 " + ResultTable.fmt(samples.median()) + " ms, p95 " + ResultTable.fmt(samples.percentile(95)) + " ms over "
                    + samples.size() + " waits" + (missing > 0 ? "; " + missing + " jobs wrote no end time" : "");
        }
    }

    /**
     * @param returned job id to the time its wait returned (epoch ms)
     * @param endTimes end file name (the job id) to its content
     * @return each wait's latency after its job's end
     */
    static Latencies latencies(Map<String, Long> returned, Map<String, String> endTimes) {
        return latencies(new ArrayList<>(returned.entrySet()), endTimes, null);
    }

    private static Latencies latencies(List<Map.Entry<String, Long>> returned, Map<String, String> endTimes, Scheduler s) {
        Samples latency = new Samples();
        int missing = 0;
        for (Map.Entry<String, Long> e : returned) {
            String end = endTimes.get(s == null ? e.getKey() : s.endFile(e.getKey()));
            if (end == null || end.isBlank()) {
                missing++;
                continue;
            }
            latency.add(e.getValue() - Long.parseLong(end.strip()));
        }
        return new Latencies(latency, missing);
    }
}
