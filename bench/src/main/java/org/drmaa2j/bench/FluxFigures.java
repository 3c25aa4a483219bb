// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * The Flux driver's submission figure, measured inside a Flux instance (run the bench there, as an
 * ordinary user: {@code flux start java -jar drmaa2j-bench.jar flux}, or on a login node of a Flux
 * system): 100 jobs submitted one by one through the driver against two shell
 * loops, one of {@code flux submit} and one of {@code flux job submit} with a jobspec file made once
 * by {@code flux submit --dry-run} (Flux's C submission path, what the driver uses), all submitting
 * a held {@code /bin/true}, and one {@code flux python} process calling {@code flux.job.submit} with
 * that jobspec through one connection (no process per job: what the broker itself takes per job,
 * the floor of any submitter). Every side runs once unmeasured first, then they take turns (the one
 * to go first rotates each round) so that the machine's drift hits each; the figures are medians
 * per job. Where no Flux instance answers, the row says so. Each side's jobs are cancelled by id
 * after it ran (other jobs of the user stay). {@code -Dbench.flux.jobs=N} and
 * {@code -Dbench.flux.rounds=N} change the counts (100 jobs, 5 rounds).
 */
public final class FluxFigures implements FigureGroup {
    static final int SEQUENTIAL = Integer.getInteger("bench.flux.jobs", 100);
    static final int ROUNDS = Integer.getInteger("bench.flux.rounds", 5);
    static final double TARGET_MS_PER_JOB = 50;
    static final String MEASURE = "Flux: submit " + SEQUENTIAL + " jobs one by one (median of " + ROUNDS
            + " rounds after a warm-up round, ms per job)";
    static final String MEASURE_C = "Flux: the same against a shell loop of flux job submit with a ready jobspec (ms per job)";
    static final String MEASURE_PY = "Flux: the same against a loop of flux.job.submit in one flux python process (the broker's own cost, ms per job)";
    /** The floor: one Python process submitting the ready jobspec N times through one connection, printing the ids. */
    private static final String PY_LOOP = "import sys, flux, flux.job\n"
            + "h = flux.Flux()\n"
            + "spec = open(sys.argv[1]).read()\n"
            + "for i in range(int(sys.argv[2])):\n"
            + "    print(int(flux.job.submit(h, spec, urgency=0)))\n";

    @Override
    public String name() {
        return "flux";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        if (shell("flux getattr size >/dev/null 2>&1") != 0) {
            for (String m : List.of(MEASURE, MEASURE_C, MEASURE_PY)) {
                table.add(m, "-", "-", "-", "≤ " + ResultTable.fmt(TARGET_MS_PER_JOB) + " ms",
                        "no: not measured, no Flux instance here (run inside one: flux start java -jar drmaa2j-bench.jar flux)");
            }
            return;
        }
        Path state = Files.createTempDirectory("drmaa2j-bench");
        Path spec = state.resolve("true.json");
        if (shell("flux submit --dry-run /bin/true > '" + spec + "'") != 0) throw new IllegalStateException("flux submit --dry-run failed");
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        Samples ours = new Samples();
        Samples raw = new Samples();
        Samples rawC = new Samples();
        Samples rawPy = new Samples();
        try (SessionManager sm = Drmaa2.getSessionManager("flux", Map.of("drmaa2j.stateDir", state.toString()))) {
            for (int r = -1; r < ROUNDS; r++) {
                double o = 0;
                double s = 0;
                double c = 0;
                double p = 0;
                for (int k = 0; k < 4; k++) {
                    switch (Math.floorMod(r + k, 4)) {
                        case 0 -> o = submitOurs(sm, held, r) / SEQUENTIAL;
                        case 1 -> s = submitShell("for i in $(seq " + SEQUENTIAL + "); do flux submit --urgency=hold /bin/true || exit 1; done") / SEQUENTIAL;
                        case 2 -> c = submitShell("for i in $(seq " + SEQUENTIAL + "); do flux job submit --urgency=0 '" + spec + "' || exit 1; done") / SEQUENTIAL;
                        default -> p = submitShell("flux python -c '" + PY_LOOP + "' '" + spec + "' " + SEQUENTIAL) / SEQUENTIAL;
                    }
                }
                System.out.printf("flux submission round %s: drmaa2j %.1f ms per job, flux submit loop %.1f, flux job submit loop %.1f,"
                        + " flux.job.submit loop %.1f%n", r < 0 ? "warm-up" : r, o, s, c, p);
                if (r < 0) continue;
                ours.add(o);
                raw.add(s);
                rawC.add(c);
                rawPy.add(p);
            }
        }
        String goal = "≤ " + ResultTable.fmt(TARGET_MS_PER_JOB) + " ms";
        String met = ours.median() <= TARGET_MS_PER_JOB ? "yes" : "no";
        table.add(MEASURE, ResultTable.fmt(ours.median()), ResultTable.fmt(raw.median()) + " (shell loop of flux submit)",
                ResultTable.fmt(ours.median() / raw.median()) + "×", goal, met);
        table.add(MEASURE_C, ResultTable.fmt(ours.median()), ResultTable.fmt(rawC.median()) + " (shell loop of flux job submit)",
                ResultTable.fmt(ours.median() / rawC.median()) + "×", goal, met);
        table.add(MEASURE_PY, ResultTable.fmt(ours.median()), ResultTable.fmt(rawPy.median()) + " (flux.job.submit loop in one process)",
                ResultTable.fmt(ours.median() / rawPy.median()) + "×", goal, met);
    }

    /** Runs the figure inside a Flux instance and prints its row. */
    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        new FluxFigures().measure(table);
        System.out.println(table.markdown());
    }

    private static double submitOurs(SessionManager sm, JobTemplate held, int round) throws Exception {
        double ms;
        List<String> ids = new ArrayList<>();
        try (JobSession js = sm.createJobSession("bench-flux-" + round + "-" + System.nanoTime(), null)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < SEQUENTIAL; i++) ids.add(js.runJob(held).getJobId());
            ms = (System.nanoTime() - t0) / 1e6;
        }
        Path list = Files.createTempFile("drmaa2j-bench-flux", ".ids");
        Files.write(list, ids);
        cancel(list);
        return ms;
    }

    /** Runs a script that submits the jobs and prints their ids, one a line; returns its ms. */
    private static double submitShell(String script) throws Exception {
        Path list = Files.createTempFile("drmaa2j-bench-flux", ".ids");
        long t0 = System.nanoTime();
        int rc = shell("{ " + script + "; } >>'" + list + "'");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (rc != 0) throw new IllegalStateException("the submission loop failed: " + script);
        cancel(list);
        return ms;
    }

    /** Cancels the jobs one side submitted (only those: other jobs of the user in the instance stay). */
    private static void cancel(Path ids) throws IOException, InterruptedException {
        shell("xargs flux cancel < '" + ids + "' >/dev/null 2>&1");
        Files.delete(ids);
    }

    private static int shell(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/sh", "-c", script).inheritIO().start().waitFor();
    }
}
