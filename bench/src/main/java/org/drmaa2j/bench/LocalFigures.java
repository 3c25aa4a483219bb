// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.Timeouts;

/**
 * The local driver against a bare {@link ProcessBuilder} loop: {@value #JOBS} runs of {@code /bin/true}
 * one after the other, each started and waited for ({@code runJob} + {@code waitTerminated} against
 * {@code start()} + {@code waitFor()}). The driver starts each job through its one long-lived job
 * supervisor, which records the job's end in its completion marker.
 */
public final class LocalFigures implements FigureGroup {
    static final int JOBS = 100;
    static final int WARM_UP = 20;
    static final int REPEATS = 3;
    /** The goal: the driver's run-and-wait loop within this many times the bare loop. */
    static final double TARGET_RATIO = 3.0;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        Path state = Files.createTempDirectory("drmaa2j-bench-local");
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        Samples ours = new Samples();
        Samples bare = new Samples();
        try (SessionManager sm = Drmaa2.getSessionManager("local", Map.of("drmaa2j.stateDir", state.toString()))) {
            measure(sm, t, ours, bare);
        } finally {
            HeapFigures.deleteTree(state);
        }
        table.add("local driver: run and wait for " + JOBS + " jobs one by one (median of " + REPEATS + ", ms)",
                ResultTable.fmt(ours.median()), ResultTable.fmt(bare.median()) + " (ProcessBuilder loop)",
                ResultTable.ratio(ours.median(), bare.median()), "≤ " + ResultTable.fmt(TARGET_RATIO) + "×",
                ours.median() <= TARGET_RATIO * bare.median() ? "yes" : "no");
    }

    private static void measure(SessionManager sm, JobTemplate t, Samples ours, Samples bare) throws Exception {
        for (int r = 0; r < REPEATS + 1; r++) { // the first, short round warms every loop up and is not counted
            int jobs = r == 0 ? WARM_UP : JOBS;
            try (JobSession js = sm.createJobSession("bench-local-" + r, null)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < jobs; i++) {
                    Job j = js.runJob(t);
                    j.waitTerminated(Timeouts.INFINITE);
                    j.reap();
                }
                if (r > 0) ours.add((System.nanoTime() - t0) / 1e6);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                Process p = new ProcessBuilder("/bin/true").start();
                if (p.waitFor() != 0) throw new IllegalStateException("/bin/true failed");
            }
            if (r > 0) bare.add((System.nanoTime() - t1) / 1e6);
        }
    }
}
