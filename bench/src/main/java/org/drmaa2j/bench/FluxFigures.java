// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * The Flux driver's submission figure, measured inside a Flux instance (run the bench there, as an
 * ordinary user: {@code flux start java -jar drmaa2j-bench.jar flux}, or on a login node of a Flux
 * system): {@value #SEQUENTIAL} jobs submitted one by one through the driver against a shell loop
 * of {@code flux submit}, both submitting a held {@code /bin/true}. Both sides run once unmeasured
 * first, then alternate (ours first in even rounds) so that the machine's drift hits both; the
 * figure is the median per job. Where no Flux instance answers, the row says so. The jobs are
 * cancelled after each round ({@code flux cancel --all}: every job of the user in that instance).
 */
public final class FluxFigures implements FigureGroup {
    static final int SEQUENTIAL = 100;
    static final int ROUNDS = 5;
    static final double TARGET_MS_PER_JOB = 50;
    static final String MEASURE = "Flux: submit " + SEQUENTIAL + " jobs one by one (median of " + ROUNDS
            + " alternating rounds after a warm-up round, ms per job)";

    @Override
    public String name() {
        return "flux";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        if (shell("flux getattr size >/dev/null 2>&1") != 0) {
            table.add(MEASURE, "-", "-", "-", "≤ " + ResultTable.fmt(TARGET_MS_PER_JOB) + " ms",
                    "no: not measured, no Flux instance here (run inside one: flux start java -jar drmaa2j-bench.jar flux)");
            return;
        }
        Path state = Files.createTempDirectory("drmaa2j-bench");
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        Samples ours = new Samples();
        Samples raw = new Samples();
        try (SessionManager sm = Drmaa2.getSessionManager("flux", Map.of("drmaa2j.stateDir", state.toString()))) {
            for (int r = -1; r < ROUNDS; r++) {
                boolean oursFirst = r % 2 == 0;
                double a = oursFirst ? submitOurs(sm, held, r) : submitShell();
                double b = oursFirst ? submitShell() : submitOurs(sm, held, r);
                double o = (oursFirst ? a : b) / SEQUENTIAL;
                double s = (oursFirst ? b : a) / SEQUENTIAL;
                System.out.printf("flux submission round %s: drmaa2j %.1f ms per job, flux submit loop %.1f ms per job%n",
                        r < 0 ? "warm-up" : r, o, s);
                if (r < 0) continue;
                ours.add(o);
                raw.add(s);
            }
        }
        double ratio = ours.median() / raw.median();
        table.add(MEASURE, ResultTable.fmt(ours.median()), ResultTable.fmt(raw.median()) + " (shell loop of flux submit)",
                ResultTable.fmt(ratio) + "×", "≤ " + ResultTable.fmt(TARGET_MS_PER_JOB) + " ms",
                ours.median() <= TARGET_MS_PER_JOB ? "yes" : "no");
    }

    /** Runs the figure inside a Flux instance and prints its row. */
    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        new FluxFigures().measure(table);
        System.out.println(table.markdown());
    }

    private static double submitOurs(SessionManager sm, JobTemplate held, int round) throws Exception {
        double ms;
        try (JobSession js = sm.createJobSession("bench-flux-" + round + "-" + System.nanoTime(), null)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < SEQUENTIAL; i++) js.runJob(held);
            ms = (System.nanoTime() - t0) / 1e6;
        }
        cancelAll();
        return ms;
    }

    private static double submitShell() throws Exception {
        long t0 = System.nanoTime();
        int rc = shell("for i in $(seq " + SEQUENTIAL + "); do flux submit --urgency=hold /bin/true >/dev/null || exit 1; done");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rc != 0) throw new IllegalStateException("the flux submit loop failed");
        cancelAll();
        return ms;
    }

    private static void cancelAll() throws IOException, InterruptedException {
        shell("flux cancel --all >/dev/null 2>&1");
    }

    private static int shell(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/sh", "-c", script).inheritIO().start().waitFor();
    }
}
