// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Notification;
import org.drmaa2j.SessionManager;
import org.drmaa2j.Timeouts;
import org.drmaa2j.slurm.SlurmProvider;
import org.drmaa2j.spi.session.GenericJob;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;
import org.drmaa2j.tck.durability.KillTest;
import org.drmaa2j.tck.durability.KillTestReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability against a real Slurm in a container (22.05 unless {@code -Ddrmaa2j.slurm.version} says
 * otherwise): the managing JVM killed at random points
 * during a campaign of 300 submissions, through the TCK's kill-test harness (nothing lost, nothing
 * submitted twice, every job's final state and exit status as accounting records them), and the controller
 * stopped under a running workload for 30 s, or until every call made meanwhile has failed if that
 * takes longer (calls fail with DrmCommunicationException, never a
 * wrong state; waits end correctly after the restart).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmDurabilityTest {
    private static final int CAMPAIGN = 300;
    private static final int KILLS = 6;
    private static SlurmContainer cluster;
    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() {
        cluster = new SlurmContainer(SlurmVersion.fromSystemProperty());
        cluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.stop();
    }

    private static String contact() {
        return "docker://" + ClusterContainer.USER + "@" + cluster.getContainerId();
    }

    private static Map<String, String> properties(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("drmaa2j.contact", contact(), "drmaa2j.stateDir", stateDir.toString(),
                "drmaa2j.poll.fastMillis", "500"));
        p.putAll(extra);
        return p;
    }

    @Test
    @Order(1)
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // a safety cap, several times what a loaded machine needs
    void killedManager_losesNothing_andSubmitsNothingTwice() throws Exception {
        String session = "campaign";
        String since = cluster.execOrFail("date", "+%Y-%m-%dT%H:%M:%S").strip();
        KillTestReport r = KillTest.builder("slurm", properties(Map.of("drmaa2j.reconcile.graceMillis", "15000",
                        "drmaa2j.poll.slowMillis", "600000")))
                .session(session).jobs(CAMPAIGN).kills(KILLS)
                .ledger(() -> SacctLedger.list(argv -> {
                    ExecOutcome q = cluster.exec(argv.toArray(new String[0]));
                    assertTrue(q.succeeded(), q.toString());
                    return q.stdout();
                }, session, since))
                .unresolved((sm, s) -> ((GenericSessionManager) sm).store().pendingIntents(s).size())
                .run();
        cluster.exec("scancel", "--me");
        r.assertClean();
    }

    @Test
    @Order(2)
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a safety cap: about 1.5 minutes on an idle machine
    void controllerOutage_callsFailWithCommunicationErrors_andWaitsEndRight() throws Exception {
        Map<String, String> props = properties(Map.of("drmaa2j.retry.attempts", "3", "drmaa2j.retry.initialBackoffMs", "200",
                "drmaa2j.retry.budgetMs", "3000"));
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Notification> events = new CopyOnWriteArrayList<>();
        try (SessionManager sm = new SlurmProvider().createSessionManager(props)) {
            sm.registerEventNotification(events::add);
            JobSession s = sm.createJobSession("outage", null);
            Job ok = s.runJob(JobTemplate.builder("/bin/sleep").args("40").jobName("outlives").build());
            Job bad = s.runJob(JobTemplate.builder("/bin/sh").args("-c", "sleep 12; exit 3").jobName("ends-during").build());
            ok.waitStarted(Duration.ofMinutes(5));
            bad.waitStarted(Duration.ofMinutes(5));
            Future<Job> okWait = pool.submit(() -> ok.waitTerminated(Timeouts.INFINITE));
            Future<Job> badWait = pool.submit(() -> bad.waitTerminated(Timeouts.INFINITE));

            String pid = cluster.execAsRoot("cat", "/run/slurm/slurmctld.pid").stdout().strip();
            assertTrue(cluster.execAsRoot("kill", pid).succeeded());
            long down = System.nanoTime();
            while (cluster.execAsRoot("test", "-d", "/proc/" + pid).succeeded()) Thread.sleep(100);
            Thread.sleep(1000); // let the board go stale
            int eventsBefore = events.size();

            Future<Throwable> state = pool.submit(() -> failure(ok::getState));
            Future<Throwable> submit = pool.submit(() -> failure(() -> s.runJob(JobTemplate.builder("/bin/true").jobName("during").build())));
            Future<Throwable> tick = pool.submit(() -> failure(() -> ((GenericSessionManager) sm).backend(null)
                    .status(List.of(((GenericJob) ok).record(), ((GenericJob) bad).record()))));
            // the controller stays down until every call has given up (squeue takes about 18 s to, on an
            // idle machine), however long that takes on this one; the cap only guards against a hang
            for (Future<Throwable> f : List.of(state, submit, tick)) {
                Throwable t = f.get(5, TimeUnit.MINUTES);
                assertTrue(t instanceof DrmCommunicationException, "a call during the outage throws DrmCommunicationException, not " + t);
            }
            long outage = (System.nanoTime() - down) / 1_000_000;
            assertFalse(okWait.isDone() || badWait.isDone(), "no wait ended during the outage");
            for (Notification n : events.subList(eventsBefore, events.size())) {
                assertFalse(n.jobState().isTerminal(), "no job was reported ended during the outage: " + n);
            }
            Thread.sleep(Math.max(0, 30_000 - outage));
            assertTrue(cluster.execAsRoot("slurmctld").succeeded());
            long up = System.nanoTime();

            assertEquals(ok, okWait.get(5, TimeUnit.MINUTES));
            assertEquals(bad, badWait.get(5, TimeUnit.MINUTES));
            assertEquals(JobState.DONE, ok.getState());
            assertEquals(0, ok.getJobInfo().getExitStatus());
            assertEquals(JobState.FAILED, bad.getState());
            assertEquals(3, bad.getJobInfo().getExitStatus());
            System.out.printf("outage test: controller down %d ms; waits ended %d ms after the restart%n",
                    (up - down) / 1_000_000, (System.nanoTime() - up) / 1_000_000);

            // the comment (the tag) is in the accounting record too
            ExecOutcome acct = cluster.exec("sacct", "--noheader", "--parsable2", "--allocations", "--format=Comment", "--jobs=" + ok.getJobId());
            assertTrue(acct.stdout().strip().startsWith(SubmissionTags.PREFIX), acct.toString());
        } finally {
            pool.shutdownNow();
        }
        // the submission made during the outage has an unknown outcome; reopening resolves it: nothing was submitted
        try (SessionManager sm = new SlurmProvider().createSessionManager(properties(Map.of("drmaa2j.reconcile.graceMillis", "1")))) {
            JobSession s = sm.openJobSession("outage");
            assertEquals(Set.of("outlives", "ends-during"), names(s));
            assertEquals(0, ((GenericSessionManager) sm).store().pendingIntents("outage").size());
            sm.destroyJobSession("outage");
        }
    }

    private static Set<String> names(JobSession s) {
        Set<String> names = new HashSet<>();
        for (Job j : s.getJobs(null)) names.add(j.getJobTemplate().getJobName());
        return names;
    }

    private static Throwable failure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
