// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

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
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.htcondor.HTCondorBenchAccess;
import org.drmaa2j.spi.exec.CommandMetrics;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.HTCondorContainer;

/**
 * The HTCondor driver's status cost, against a personal pool started in a container and driven from
 * this machine through {@code docker exec} ({@code docker://drmaa@<container>}): a held bulk job of
 * 1,000 tasks (one {@code condor_submit}), then a window in which a thread waits on all of them,
 * which makes the poller tick at its fast rate. Counts the commands per tick and their time, beside
 * one bare {@code condor_q -json} of the same jobs timed inside the container. Then the wait figures
 * ({@link HTCondorWaitFigures}), run inside the container.
 */
public final class HTCondorGroup implements FigureGroup {
    static final int LIVE_JOBS = 1000;
    private static final Duration WINDOW = Duration.ofSeconds(12);

    @Override
    public String name() {
        return "htcondor";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        try (HTCondorContainer pool = new HTCondorContainer()) {
            pool.start();
            Path state = Files.createTempDirectory("drmaa2j-bench-htcondor");
            Map<String, String> props = Map.of("drmaa2j.contact", "docker://" + ClusterContainer.USER + "@" + pool.getContainerId(),
                    "drmaa2j.stateDir", state.toString());
            try (SessionManager sm = Drmaa2.getSessionManager("htcondor", props)) {
                status(sm, pool, table);
            } finally {
                pool.exec("condor_rm", "-all");
            }
            // the wait figures need the session's directory where the jobs run: this JVM inside the container
            try {
                InContainer.installJava(pool);
                InContainer.runJava(pool, table, List.of(), List.of(), List.of(), HTCondorWaitFigures.class.getName());
            } catch (Exception | Error e) {
                e.printStackTrace();
                table.add("HTCondor: wait figures not measured", "-", "-", "-", "-", "no: " + e);
            }
        }
    }

    private static void status(SessionManager sm, HTCondorContainer pool, ResultTable table) throws Exception {
        JobTemplate held = JobTemplate.builder("/bin/true").submitAsHold(true).build();
        try (JobSession js = sm.createJobSession("bench-status-" + System.nanoTime(), null)) {
            CommandMetrics.reset();
            long t0 = System.nanoTime();
            JobArray array = js.runBulkJobs(held, 1, LIVE_JOBS, 1, 0);
            double ms = (System.nanoTime() - t0) / 1e6;
            long submits = CommandMetrics.counts().getOrDefault("condor_submit", 0L);
            table.add("HTCondor: runBulkJobs of " + LIVE_JOBS + " tasks: condor_submit calls (ms)", submits + " (" + ResultTable.fmt(ms) + " ms)",
                    "1 condor_submit, queue " + LIVE_JOBS, "-", "1 call", submits == 1 ? "yes" : "no");

            List<Job> live = new ArrayList<>(array.getJobs());
            // the window counts whole ticks: it opens right after a tick's command has ended (the next one is
            // at least a poll interval away) and closes once every tick started in it has ended
            awaitCondorQEnded();
            CommandMetrics.reset();
            try {
                js.waitAnyTerminated(live, WINDOW);
            } catch (WaitTimeoutException expected) {
                // the jobs are held: the wait only makes the poller tick at its fast rate
            }
            long closeBy = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (CommandMetrics.counts().getOrDefault("condor_q", 0L) < CommandMetrics.statusTicks() && System.nanoTime() < closeBy) {
                Thread.sleep(5);
            }
            Map<String, Long> counts = CommandMetrics.counts();
            long ticks = CommandMetrics.statusTicks();
            long condorQ = counts.getOrDefault("condor_q", 0L);
            long others = counts.values().stream().mapToLong(Long::longValue).sum() - condorQ;
            double perQuery = CommandMetrics.millis().getOrDefault("condor_q", 0.0) / Math.max(1, condorQ);
            Samples raw = new Samples();
            for (int i = 0; i < 3; i++) raw.add(bareCondorQ(pool));
            double perTick = (double) (condorQ + others) / Math.max(1, ticks);
            table.add("HTCondor: status of " + live.size() + " live jobs: commands per tick (ms per tick)",
                    ResultTable.fmt(perTick) + " (" + ResultTable.fmt(perQuery) + " ms; " + ticks + " ticks, " + condorQ
                            + " condor_q, " + others + " other)",
                    "1 condor_q -json (" + ResultTable.fmt(raw.median()) + " ms)", ResultTable.ratio(perQuery, raw.median()),
                    "1 per tick", ticks > 0 && condorQ == ticks && others == 0 ? "yes" : "no");
        }
    }

    /** Waits until the poller's next condor_q ends (the idle poll comes every few seconds), with a safety cap. */
    private static void awaitCondorQEnded() throws InterruptedException {
        long before = CommandMetrics.counts().getOrDefault("condor_q", 0L);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (CommandMetrics.counts().getOrDefault("condor_q", 0L) == before && System.nanoTime() < until) Thread.sleep(5);
    }

    /** @return milliseconds of one {@code condor_q -json} with the driver's attributes, timed inside the container */
    private static double bareCondorQ(HTCondorContainer pool) {
        ExecOutcome o = pool.exec("bash", "-c", "s=$(date +%s%N); condor_q -json -attributes " + HTCondorBenchAccess.statusAttributes()
                + " >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 ))");
        if (!o.succeeded()) throw new IllegalStateException("condor_q: " + o);
        return Long.parseLong(o.stdout().strip()) / 1000.0;
    }
}
