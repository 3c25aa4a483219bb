// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability against a real Slurm in a container (22.05 unless -Ddrmaa2j.slurm.version says otherwise): the managing JVM killed at random points
 * during a campaign of submissions (nothing lost, nothing submitted twice), and the controller
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
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // a safety cap: about 1.5 minutes on an idle machine
    void killedManager_losesNothing_andSubmitsNothingTwice() throws Exception {
        long seed = Long.getLong("drmaa2j.killtest.seed", System.nanoTime());
        Random random = new Random(seed);
        String session = "campaign";
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> kills = new ArrayList<>();
        long begin = System.nanoTime();
        int runs = 0;
        boolean done = false;
        while (!done) {
            runs++;
            Process p = campaign(session);
            CompletableFuture<Boolean> finished = new CompletableFuture<>();
            AtomicInteger submittedThisRun = new AtomicInteger();
            Thread reader = new Thread(() -> {
                boolean sawDone = false;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        log.add(line);
                        if (line.startsWith("SUBMITTED")) submittedThisRun.incrementAndGet();
                        if (line.equals("DONE")) sawDone = true;
                    }
                } catch (IOException e) {
                    // the process was killed
                }
                finished.complete(sawDone);
            });
            reader.start();
            if (kills.size() < KILLS) {
                // most kills land among the submissions (after a random number of them, a random moment
                // later: often between the intent and the job id); some while the JVM starts and reopens
                boolean early = random.nextInt(4) == 0;
                int after = early ? 0 : 5 + random.nextInt(50);
                long delay = early ? 200 + random.nextInt(3000) : random.nextInt(60);
                long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // a safety cap
                while (submittedThisRun.get() < after && p.isAlive() && System.nanoTime() < until) Thread.sleep(2);
                Thread.sleep(delay);
                if (p.isAlive()) {
                    int seen = submittedThisRun.get();
                    p.destroyForcibly(); // SIGKILL
                    p.waitFor(30, TimeUnit.SECONDS);
                    kills.add((early ? "start+" : "submission " + seen + "+") + delay + "ms");
                }
            }
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the campaign ends");
            reader.join(10_000);
            done = finished.get() && p.exitValue() == 0;
            assertTrue(runs <= KILLS + 2, "the campaign finishes once it is no longer killed: " + tail(log));
        }
        long seconds = (System.nanoTime() - begin) / 1_000_000_000L;

        // the scheduler's own list: every job carrying the session's tags
        ExecOutcome q = cluster.exec("squeue", "--me", "--noheader", "--array", "--states=all", "--format=%i|%j|%k");
        assertTrue(q.succeeded(), q.toString());
        String label = SubmissionTags.label(SubmissionTags.sessionPart(session) + ".");
        Map<String, List<String>> byName = new TreeMap<>();
        Set<String> schedulerIds = new HashSet<>();
        for (String line : q.stdout().split("\n")) {
            String[] f = line.split("\\|", 3);
            if (f.length < 3 || !f[2].startsWith(label)) continue;
            byName.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]);
            schedulerIds.add(f[0]);
        }
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        for (int i = 0; i < CAMPAIGN; i++) {
            List<String> ids = byName.getOrDefault(CampaignMain.name(i), List.of());
            if (ids.isEmpty()) lost.add(CampaignMain.name(i));
            if (ids.size() > 1) duplicated.add(CampaignMain.name(i) + ids);
        }

        Set<String> sessionIds = new HashSet<>();
        int pending;
        try (SessionManager sm = new SlurmProvider().createSessionManager(properties(Map.of()))) {
            JobSession s = sm.openJobSession(session);
            for (Job j : s.getJobs(null)) sessionIds.add(j.getJobId());
            pending = ((GenericSessionManager) sm).store().pendingIntents(session).size();
            sm.destroyJobSession(session);
        }
        cluster.exec("scancel", "--me");

        long submitted = log.stream().filter(l -> l.startsWith("SUBMITTED")).count();
        long reconciled = log.stream().filter(l -> l.contains("was accepted as job")).count();
        long dropped = log.stream().filter(l -> l.contains("never reached the scheduler")).count();
        System.out.printf("kill test (seed %d): %d jobs, %d runs, %d kills %s; submissions confirmed to the program %d, "
                        + "found again by reconciliation %d, intents dropped as never submitted %d; scheduler holds %d, "
                        + "session holds %d; lost %d, duplicated %d; %d s%n", seed, CAMPAIGN, runs, kills.size(), kills,
                submitted, reconciled, dropped, schedulerIds.size(), sessionIds.size(), lost.size(), duplicated.size(), seconds);
        assertEquals(List.of(), lost, "lost");
        assertEquals(List.of(), duplicated, "duplicated");
        assertEquals(CAMPAIGN, schedulerIds.size());
        assertEquals(schedulerIds, sessionIds, "the session holds exactly the scheduler's jobs");
        assertEquals(0, pending, "no submission left unresolved");
    }

    private static Process campaign(String session) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CampaignMain.class.getName(), stateDir.toString(), contact(), session, String.valueOf(CAMPAIGN), "15000")
                .redirectErrorStream(true).start();
    }

    private static String tail(List<String> log) {
        return String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size()));
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
