package org.drmaa2j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.TimeoutException;
import org.drmaa2j.spi.exec.CommandMetrics;

/**
 * The Slurm driver's figures, measured on a Slurm login node (run it there, as an ordinary user):
 * one-by-one submission against a shell loop of {@code sbatch --parsable}, a 1,000-task bulk job,
 * and the cost of watching 1,000 live jobs. Submitted jobs are held and cancelled afterwards.
 */
public final class SlurmFigures {
    static final int SEQUENTIAL = 200;
    static final int BULK = 1000;
    static final int SUBMIT_ROUNDS = 7;

    private SlurmFigures() {
    }

    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        Path state = Files.createTempDirectory("drmaa2j-bench");
        // one session manager per measure, so that the status figure watches only the live jobs it submitted
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
            submission(sm, table);
        }
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
            bulkAndStatus(sm, table);
        }
        cancelAll();
    }

    /**
     * One-by-one submission against a shell loop of {@code sbatch --parsable} submitting an
     * equivalent held job. Both sides run once unmeasured first (a long-running program is warm),
     * then alternate (ours first in even rounds, the loop first in odd ones) so that the machine's
     * drift hits both; the figure is the ratio of the medians.
     */
    private static void submission(SessionManager sm, ResultTable table) throws Exception {
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        Samples ours = new Samples();
        Samples raw = new Samples();
        for (int r = -1; r < SUBMIT_ROUNDS; r++) {
            boolean oursFirst = r % 2 == 0;
            double a = oursFirst ? submitOurs(sm, held, r) : submitShell();
            double b = oursFirst ? submitShell() : submitOurs(sm, held, r);
            System.out.printf("submission round %s: drmaa2j %.0f ms, sbatch loop %.0f ms%n", r < 0 ? "warm-up" : r,
                    oursFirst ? a : b, oursFirst ? b : a);
            if (r < 0) continue; // the warm-up round
            ours.add(oursFirst ? a : b);
            raw.add(oursFirst ? b : a);
        }
        double ratio = ours.median() / raw.median();
        table.add("submit " + SEQUENTIAL + " jobs one by one (median of " + SUBMIT_ROUNDS + " alternating rounds after a warm-up round, ms)",
                ResultTable.fmt(ours.median()), ResultTable.fmt(raw.median()) + " (shell loop of sbatch --parsable)",
                ResultTable.fmt(ratio) + "×", "≤ 1.15×", ratio <= 1.15 ? "yes" : "no");
    }

    private static double submitOurs(SessionManager sm, JobTemplate held, int round) throws Exception {
        double ms;
        try (JobSession js = sm.createJobSession("bench-seq-" + round + "-" + System.nanoTime(), null)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < SEQUENTIAL; i++) js.runJob(held);
            ms = (System.nanoTime() - t0) / 1e6;
        }
        cancelAll();
        return ms;
    }

    private static double submitShell() throws Exception {
        long t0 = System.nanoTime();
        int rc = shell("for i in $(seq " + SEQUENTIAL + "); do printf '#!/bin/bash\\nexec /bin/true\\n'"
                + " | sbatch --parsable --hold --no-requeue --chdir=\"$HOME\" >/dev/null || exit 1; done");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rc != 0) throw new IllegalStateException("the sbatch loop failed");
        cancelAll();
        return ms;
    }

    private static void bulkAndStatus(SessionManager sm, ResultTable table) throws Exception {
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        try (JobSession js = sm.createJobSession("bench-bulk-" + System.nanoTime(), null)) {
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            JobArray array = js.runBulkJobs(held, 1, BULK, 1, 0);
            double ms = (System.nanoTime() - t0) / 1e6;
            long sbatch = CommandMetrics.counts().getOrDefault("sbatch", 0L);
            table.add("runBulkJobs of " + BULK + " tasks: sbatch calls (ms)", sbatch + " (" + ResultTable.fmt(ms) + ")",
                    "1 (sbatch --array)", "-", "1 call", sbatch == 1 ? "yes" : "no");

            List<Job> live = new ArrayList<>(array.getJobs());
            Thread.sleep(3000); // let a tick started before the window finish, so the window counts whole ticks
            CommandMetrics.reset();
            try {
                js.waitAnyTerminated(live, Duration.ofSeconds(15));
            } catch (TimeoutException expected) {
                // the jobs are held: the wait only makes the poller tick at its fast rate
            }
            Thread.sleep(3000); // no waiter now, so the poller is slow: let a tick in flight finish before counting
            Map<String, Long> counts = CommandMetrics.counts();
            long ticks = CommandMetrics.statusTicks();
            long squeue = counts.getOrDefault("squeue", 0L);
            long sacct = counts.getOrDefault("sacct", 0L);
            double perSqueue = CommandMetrics.millis().getOrDefault("squeue", 0.0) / Math.max(1, squeue);
            long rawStart = System.nanoTime();
            shell("SLURM_TIME_FORMAT=%s squeue --me --noheader --array --states=all --format='%i|%T|%r|%P|%C|%N|%V|%S|%e|%u|%j' >/dev/null");
            double rawMs = (System.nanoTime() - rawStart) / 1e6;
            table.add("status of " + live.size() + " live jobs: commands per tick (ms per tick)",
                    ResultTable.fmt((double) (squeue + sacct) / Math.max(1, ticks)) + " (" + ResultTable.fmt(perSqueue) + " ms; "
                            + ticks + " ticks, " + squeue + " squeue, " + sacct + " sacct)",
                    "1 squeue (" + ResultTable.fmt(rawMs) + " ms)", "-", "1 per tick",
                    ticks > 0 && squeue == ticks && sacct == 0 ? "yes" : "no");
        }
    }

    private static void cancelAll() throws IOException, InterruptedException {
        shell("scancel --me");
    }

    private static int shell(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start().waitFor();
    }
}
