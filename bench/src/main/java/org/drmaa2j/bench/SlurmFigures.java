// SPDX-License-Identifier: Apache-2.0
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
 * watching 1,000 and 10,000 live jobs ({@link SlurmStatusFigures}), the status commands of waiting
 * for 40 short jobs ({@link SlurmShortJobsFigures}), and how soon waits return after jobs end
 * ({@link SlurmWaitFigures}). Jobs left over are cancelled afterwards. Arguments name the parts to
 * run: {@code submission}, {@code status} (1,000 and 10,000 live jobs) or {@code status:N} (N live
 * jobs), {@code short}, {@code wait}; all but {@code status:N} by default. Every row names the Slurm
 * release.
 */
public final class SlurmFigures {
    static final int SEQUENTIAL = 200;
    static final int[] LIVE_JOBS = {1000, 10000};
    static final int[] WAITERS = {1, 100, 1000};
    static final int SUBMIT_ROUNDS = 7;

    private SlurmFigures() {
    }

    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        Path state = Files.createTempDirectory("drmaa2j-bench");
        List<String> parts = args.length == 0 ? List.of("submission", "status", "short", "wait") : Arrays.asList(args);
        String release;
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
            release = sm.getDrmsVersion().toString();
        }
        // one session manager per measure, so that the status figure watches only the live jobs it submitted
        if (parts.contains("submission")) {
            try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
                submission(sm, table, release);
            }
        }
        List<Integer> liveCounts = new java.util.ArrayList<>();
        if (parts.contains("status")) for (int n : LIVE_JOBS) liveCounts.add(n);
        for (String p : parts) if (p.startsWith("status:")) liveCounts.add(Integer.parseInt(p.substring("status:".length())));
        for (int live : liveCounts) {
            try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
                sm.getDrmsVersion(); // the connection learns the release before the counted window
                SlurmStatusFigures.measure(sm, table, live, release);
            }
        }
        if (parts.contains("short")) {
            try (SessionManager sm = Drmaa2.getSessionManager("slurm", Map.of("drmaa2j.stateDir", state.toString()))) {
                sm.getDrmsVersion();
                SlurmShortJobsFigures.measure(sm, table, release);
            }
        }
        int[] waiterCounts = parts.contains("wait") ? WAITERS : new int[0];
        if (System.getProperty("bench.waiters") != null) waiterCounts = new int[] {Integer.getInteger("bench.waiters")};
        for (int waiters : waiterCounts) SlurmWaitFigures.measure(state, table, waiters, release);
        cancelAll();
    }

    /**
     * One-by-one submission against a shell loop of {@code sbatch --parsable} submitting an
     * equivalent held job, in {@link AlternatingRounds}; the figure is the ratio of the medians.
     */
    private static void submission(SessionManager sm, ResultTable table, String release) throws Exception {
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        AlternatingRounds.Result r = AlternatingRounds.run("submission (reference: sbatch loop)", SUBMIT_ROUNDS,
                round -> submitOurs(sm, held, round), round -> submitShell());
        double ratio = r.ratio();
        table.add("Slurm " + release + ": submit " + SEQUENTIAL + " jobs one by one (median of " + SUBMIT_ROUNDS + " alternating rounds after a warm-up round, ms)",
                ResultTable.fmt(r.ours().median()), ResultTable.fmt(r.reference().median()) + " (shell loop of sbatch --parsable)",
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

    private static void cancelAll() throws IOException, InterruptedException {
        shell(Shell.CANCEL_ALL);
    }

    private static int shell(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start().waitFor();
    }
}
