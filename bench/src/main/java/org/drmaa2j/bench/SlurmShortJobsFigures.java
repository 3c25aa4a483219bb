// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandMetrics;

/**
 * The accounting load of waiting for short jobs: {@value #JOBS} jobs of one second, submitted one by
 * one, each waited for by its own thread, at the default poll settings. Counts the status commands of
 * the connection: squeue once per tick, and sacct, which should run only for jobs the controller has
 * forgotten (none here: they all end well within {@code MinJobAge}).
 */
final class SlurmShortJobsFigures {
    static final int JOBS = 40;

    private SlurmShortJobsFigures() {
    }

    static void measure(SessionManager sm, ResultTable table, String release) throws Exception {
        JobTemplate t = JobTemplate.builder("/bin/sleep").args("1").build();
        try (JobSession js = sm.createJobSession("bench-short-" + System.nanoTime(), null)) {
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            List<Job> jobs = new ArrayList<>();
            List<Thread> waiters = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                Job job = js.runJob(t);
                jobs.add(job);
                Thread th = new Thread(() -> job.waitTerminated(Duration.ofMinutes(10)), "waiter-" + job.getJobId());
                th.setDaemon(true);
                waiters.add(th);
                th.start();
            }
            for (Thread th : waiters) th.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> counts = CommandMetrics.counts();
            long squeue = counts.getOrDefault("squeue", 0L);
            long sacct = counts.getOrDefault("sacct", 0L);
            long scontrol = counts.getOrDefault("scontrol", 0L);
            long ticks = CommandMetrics.statusTicks();
            long done = jobs.stream().filter(j -> j.getState() == org.drmaa2j.JobState.DONE).count();
            System.out.println(release + ": " + JOBS + " short jobs in " + ResultTable.fmt(seconds) + " s; counts " + counts);
            table.add("Slurm " + release + ": " + JOBS + " one-second jobs waited for: status commands",
                    squeue + " squeue + " + sacct + " sacct" + (scontrol > 0 ? " + " + scontrol + " scontrol" : "") + " (" + ticks
                            + " ticks, " + ResultTable.fmt(seconds) + " s; " + done + " DONE)",
                    "-", "-", "0 sacct (none forgotten by the controller)", sacct == 0 && done == JOBS ? "yes" : "no");
        } finally {
            Shell.run(Shell.CANCEL_ALL);
        }
    }
}
