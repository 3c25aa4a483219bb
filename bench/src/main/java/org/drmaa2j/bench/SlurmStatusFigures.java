// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.spi.exec.CommandMetrics;

/**
 * Bulk submission and the cost of watching many live jobs on Slurm: a held bulk job of {@code n} tasks
 * (one {@code sbatch --array}), then a window in which a thread waits on all of them, which makes the
 * poller tick at its fast rate. Counts the commands per tick and their time, beside one bare
 * {@code squeue} of the same jobs.
 */
final class SlurmStatusFigures {
    private static final Duration WINDOW = Duration.ofSeconds(12);

    private SlurmStatusFigures() {
    }

    /** Waits until the poller's next squeue ends (the idle poll comes every few seconds), with a safety cap. */
    private static void awaitSqueueEnded() throws InterruptedException {
        long before = CommandMetrics.counts().getOrDefault("squeue", 0L);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (CommandMetrics.counts().getOrDefault("squeue", 0L) == before && System.nanoTime() < until) Thread.sleep(5);
    }

    static void measure(SessionManager sm, ResultTable table, int n, String release) throws Exception {
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        try (JobSession js = sm.createJobSession("bench-status-" + n + "-" + System.nanoTime(), null)) {
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            JobArray array = js.runBulkJobs(held, 1, n, 1, 0);
            double ms = (System.nanoTime() - t0) / 1e6;
            long sbatch = CommandMetrics.counts().getOrDefault("sbatch", 0L);
            table.add("Slurm " + release + ": runBulkJobs of " + n + " tasks: sbatch calls (ms)", sbatch + " (" + ResultTable.fmt(ms) + " ms)",
                    "1 sbatch --array", "-", "1 call", sbatch == 1 ? "yes" : "no");

            List<Job> live = new ArrayList<>(array.getJobs());
            // the window counts whole ticks: it opens right after a tick's command has ended (the next one is
            // at least a poll interval away) and closes once every tick started in it has ended
            awaitSqueueEnded();
            CommandMetrics.reset();
            try {
                js.waitAnyTerminated(live, WINDOW);
            } catch (WaitTimeoutException expected) {
                // the jobs are held: the wait only makes the poller tick at its fast rate
            }
            long closeBy = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (CommandMetrics.counts().getOrDefault("squeue", 0L) < CommandMetrics.statusTicks() && System.nanoTime() < closeBy) {
                Thread.sleep(5);
            }
            Map<String, Long> counts = CommandMetrics.counts();
            long ticks = CommandMetrics.statusTicks();
            long squeue = counts.getOrDefault("squeue", 0L);
            long others = counts.values().stream().mapToLong(Long::longValue).sum() - squeue;
            double perSqueue = CommandMetrics.millis().getOrDefault("squeue", 0.0) / Math.max(1, squeue);
            Samples raw = new Samples();
            for (int i = 0; i < 3; i++) {
                long rawStart = System.nanoTime();
                Shell.run("SLURM_TIME_FORMAT=%s squeue --me --noheader --array --states=all"
                        + " --format='%i|%T|%r|%P|%C|%N|%V|%S|%e|%u|%j' >/dev/null");
                raw.add((System.nanoTime() - rawStart) / 1e6);
            }
            double perTick = (double) (squeue + others) / Math.max(1, ticks);
            table.add("Slurm " + release + ": status of " + live.size() + " live jobs: commands per tick (ms per tick)",
                    ResultTable.fmt(perTick) + " (" + ResultTable.fmt(perSqueue) + " ms; " + ticks + " ticks, " + squeue
                            + " squeue, " + others + " other)",
                    "1 squeue (" + ResultTable.fmt(raw.median()) + " ms)", ResultTable.ratio(perSqueue, raw.median()),
                    "1 per tick", ticks > 0 && squeue == ticks && others == 0 ? "yes" : "no");
        } finally {
            Shell.run(Shell.CANCEL_ALL);
        }
    }
}
