package org.drmaa2j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * The Slurm driver's figures, measured on a Slurm login node (run it there, as an ordinary user):
 * one-by-one submission against a shell loop of {@code sbatch --parsable}, bulk jobs and the cost of
 * watching 1,000 and 10,000 live jobs ({@link SlurmStatusFigures}), and how soon waits return after
 * jobs end ({@link SlurmWaitFigures}). Jobs left over are cancelled afterwards.
 */
public final class SlurmFigures {
    static final int SEQUENTIAL = 200;
    static final int[] LIVE_JOBS = {1000, 10000};
    static final int[] WAITERS = {1, 100, 1000};
    static final int REPEATS = 3;

    private SlurmFigures() {
    }

    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        Path state = Files.createTempDirectory("drmaa2j-bench");
        // parts to run: submission, status, wait; all by default
        List<String> parts = args.length == 0 ? List.of("submission", "status", "wait") : Arrays.asList(args);
        // one session manager per measure, so that the status figure watches only the live jobs it submitted
        if (parts.contains("submission")) {
            try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
                submission(sm, table);
            }
        }
        for (int live : parts.contains("status") ? LIVE_JOBS : new int[0]) {
            try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
                SlurmStatusFigures.measure(sm, table, live);
            }
        }
        int[] waiterCounts = parts.contains("wait") ? WAITERS : new int[0];
        if (System.getProperty("bench.waiters") != null) waiterCounts = new int[] {Integer.getInteger("bench.waiters")};
        for (int waiters : waiterCounts) {
            try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
                SlurmWaitFigures.measure(sm, table, waiters);
            }
        }
        cancelAll();
    }

    private static void submission(SessionManager sm, ResultTable table) throws Exception {
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        Samples ours = new Samples();
        Samples raw = new Samples();
        for (int r = 0; r < REPEATS; r++) {
            try (JobSession js = sm.createJobSession("bench-seq-" + r + "-" + System.nanoTime(), null)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < SEQUENTIAL; i++) js.runJob(held);
                ours.add((System.nanoTime() - t0) / 1e6);
            }
            cancelAll();
            long t1 = System.nanoTime();
            int rc = shell("for i in $(seq " + SEQUENTIAL + "); do printf '#!/bin/bash\\nexec /bin/true\\n'"
                    + " | sbatch --parsable --hold --no-requeue --chdir=\"$HOME\" >/dev/null || exit 1; done");
            raw.add((System.nanoTime() - t1) / 1e6);
            if (rc != 0) throw new IllegalStateException("the sbatch loop failed");
            cancelAll();
        }
        double ratio = ours.median() / raw.median();
        table.add("submit " + SEQUENTIAL + " jobs one by one (median of " + REPEATS + ", ms)", ResultTable.fmt(ours.median()),
                ResultTable.fmt(raw.median()) + " (shell loop of sbatch --parsable)", ResultTable.fmt(ratio) + "×", "≤ 1.15×",
                ratio <= 1.15 ? "yes" : "no");
    }

    private static void cancelAll() throws IOException, InterruptedException {
        shell("scancel --me");
    }

    private static int shell(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start().waitFor();
    }
}
