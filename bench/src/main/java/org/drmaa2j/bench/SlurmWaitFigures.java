// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.Extensions;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandMetrics;

/**
 * How soon {@code waitTerminated} returns after a Slurm job ends, with 1, 100 or 1,000 threads each
 * waiting on its own job, at the default poll settings. Each job writes its own end time (epoch
 * milliseconds, {@code date}) as its last act; the waiter takes the time its wait returned; both run
 * on the same host, so they share one clock. Also counts the status commands the connection ran per
 * second while the waiters waited. At most {@value #MAX_PARALLEL} of the jobs run at once, so the
 * 1,000 waiters see their jobs end in waves over half a minute or so.
 */
final class SlurmWaitFigures {
    /** Long enough for every waiter to be waiting before its job ends. */
    private static final int SLEEP_SECONDS = 2;
    /** Jobs running at once: more overloads the one-container cluster on a small machine (nodes fail). */
    static final int MAX_PARALLEL = 100;

    private SlurmWaitFigures() {
    }

    static void measure(SessionManager sm, ResultTable table, int waiters, String release) throws Exception {
        Path ends = Files.createTempDirectory(Path.of(System.getProperty("user.home")), "bench-ends-");
        JobTemplate t = JobTemplate.builder("/bin/sh")
                .args("-c", "sleep \"$0\"; date +%s%3N > \"$1/${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"",
                        Integer.toString(SLEEP_SECONDS), ends.toString())
                .extension(Extensions.MEMORY_PER_NODE_MB, "10")
                .build();
        Map<String, Long> returned = new ConcurrentHashMap<>();
        try (JobSession js = sm.createJobSession("bench-wait-" + waiters + "-" + System.nanoTime(), null)) {
            JobArray array = js.runBulkJobs(t, 1, waiters, 1, waiters > MAX_PARALLEL ? MAX_PARALLEL : 0);
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (Job job : array.getJobs()) {
                Thread th = new Thread(() -> {
                    job.waitTerminated(Duration.ofMinutes(10));
                    returned.put(job.getJobId(), System.currentTimeMillis());
                }, "waiter-" + job.getJobId());
                th.setDaemon(true);
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) th.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> counts = CommandMetrics.counts();
            long squeue = counts.getOrDefault("squeue", 0L);
            long sacct = counts.getOrDefault("sacct", 0L);
            long scontrol = counts.getOrDefault("scontrol", 0L);
            long commands = squeue + sacct + scontrol;
            long ticks = CommandMetrics.statusTicks();
            System.out.println(waiters + " waiters: " + ticks + " ticks in " + ResultTable.fmt(seconds) + " s; command ms "
                    + CommandMetrics.millis() + "; counts " + counts);
            double perSecond = commands / seconds;

            Samples latency = new Samples();
            int missing = 0;
            for (Map.Entry<String, Long> e : returned.entrySet()) {
                Path f = ends.resolve(e.getKey());
                if (!Files.exists(f)) {
                    missing++;
                    continue;
                }
                latency.add(e.getValue() - Long.parseLong(Files.readString(f).strip()));
            }
            String note = missing > 0 ? "; " + missing + " jobs wrote no end time" : "";
            table.add("Slurm " + release + ": waitTerminated latency after the job's end, " + waiters + " waiter" + (waiters == 1 ? "" : "s")
                            + " (p50 / p95 ms)",
                    ResultTable.fmt(latency.median()) + " / " + ResultTable.fmt(latency.percentile(95)) + note,
                    "-", "-", "p50 ≤ 1000 ms", latency.size() > 0 && latency.median() <= 1000 ? "yes" : "no");
            // the first waiter makes the poller call at once, then once per second at most: ticks ≤ seconds + 1
            boolean ticksMet = ticks <= Math.ceil(seconds) + 1;
            // the same allowance for commands: one command per tick meets it, an extra command per tick does not
            boolean commandsMet = commands <= Math.ceil(seconds) + 1;
            table.add("Slurm " + release + ": status calls per second while " + waiters + " thread" + (waiters == 1 ? "" : "s") + " wait",
                    ResultTable.fmt(ticks / seconds) + " ticks/s, " + ResultTable.fmt(perSecond) + " commands/s (" + ticks
                            + " ticks: " + squeue + " squeue, " + sacct + " sacct, " + scontrol + " scontrol in "
                            + ResultTable.fmt(seconds) + " s)",
                    "-", "-", "≤ 1 per s", ticksMet && commandsMet ? "yes"
                            : ticksMet ? "ticks yes; commands no: some ticks ran more than one command" : "no");
        } finally {
            Shell.run(Shell.CANCEL_ALL);
        }
    }
}
