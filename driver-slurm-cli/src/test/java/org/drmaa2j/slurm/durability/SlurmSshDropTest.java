// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.Timeouts;
import org.drmaa2j.slurm.tck.SlurmSshTckEnvironment;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.CommandRunners;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.RetryPolicy;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.durability.CuttingProxy;
import org.drmaa2j.tck.durability.ExitCodePlan;
import org.drmaa2j.tck.durability.KillTest;
import org.drmaa2j.tck.durability.KillTestCampaign;
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
 * The SSH connection to a real Slurm 22.05 cut at random moments: a {@link CuttingProxy} on
 * 127.0.0.1 sits between the driver (contact {@code slurm+ssh://drmaa@localhost:<proxy>/}, host key
 * verification on) and the container's sshd, and resets each connection through it after a random
 * number of bytes (seeded; 8 to 48 KB: past the handshake, a few commands, then in the middle of
 * one, wherever that falls however busy the machine is) during 300 submissions and 300 status
 * queries. A submission cut off while
 * {@code sbatch} ran fails with "fate unknown" and is resolved by its tag when the session is
 * reopened; then the campaign submits what is missing, and the session is compared with Slurm's
 * accounting: nothing lost, nothing submitted twice, every job's end right. A second test holds the
 * connection down while jobs end: their waits end right after it is back. The session store stays
 * on this machine ({@value SshOptions#REMOTE_STORE}=false): what is cut is the way to the scheduler.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmSshDropTest {
    private static final int JOBS = 300;
    private static final String SEED_PROPERTY = "drmaa2j.droptest.seed";
    private static SlurmSshTckEnvironment env;
    private static CuttingProxy proxy;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        env = new SlurmSshTckEnvironment();
        env.start();
        int sshPort = Integer.parseInt(env.contact().replaceAll(".*:(\\d+)/$", "$1"));
        proxy = new CuttingProxy(sshPort);
        // the proxy's address is another known-hosts entry for the same host keys
        List<String> known = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(env.driverProperties().get(SshOptions.KNOWN_HOSTS)))) {
            known.add(line.replace("[localhost]:" + sshPort + " ", "[localhost]:" + proxy.port() + " "));
        }
        Files.write(tmp.resolve("known_hosts"), known, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) proxy.close();
        if (env != null) env.stop();
    }

    private static String proxyContact() {
        return "slurm+ssh://" + ClusterContainer.USER + "@localhost:" + proxy.port() + "/";
    }

    private static Map<String, String> properties(String stateDir) {
        Map<String, String> p = new HashMap<>(env.driverProperties());
        p.put("drmaa2j.contact", proxyContact());
        p.put(SshOptions.KNOWN_HOSTS, tmp.resolve("known_hosts").toString());
        p.put(SshOptions.REMOTE_STORE, "false");
        p.put("drmaa2j.stateDir", tmp.resolve(stateDir).toString());
        p.put("drmaa2j.poll.fastMillis", "500");
        p.put("drmaa2j.reconcile.graceMillis", "5000");
        p.put(SshOptions.CONNECT_TIMEOUT_MS, "10000");
        return p;
    }

    /** Runs a command on the container over SSH, around the proxy. */
    private static CommandResult direct(String... argv) {
        try (CommandRunner r = CommandRunners.open(Contact.parse(env.contact()), RetryPolicy.NONE, TransientFailures.common(),
                new DriverSettings("slurm", env.driverProperties()))) {
            return r.run(Command.of(argv));
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void randomCuts_duringSubmissionsAndStatusQueries_loseNothing_duplicateNothing() throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        System.out.printf("SSH drop test: seed %d (replay with -D%s=%d)%n", seed, SEED_PROPERTY, seed);
        Random random = new Random(seed);
        String session = "drops";
        String since = direct("date", "+%Y-%m-%dT%H:%M:%S").stdout().strip();
        Map<String, String> props = properties("state-drops");
        ExitCodePlan plan = new ExitCodePlan();
        List<String> unknown = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, Job> submitted = new LinkedHashMap<>();
        int statusOk = 0;
        int statusFailed = 0;
        List<String> wrongStatus = new ArrayList<>();
        long begin = System.nanoTime();
        int cutsBefore = proxy.cuts();
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", props)) {
            JobSession s = sm.createJobSession(session, null);
            proxy.cutAfterRandomBytes(new Random(random.nextLong()), 8_000, 48_000);
            for (int i = 0; i < JOBS; i++) {
                String name = KillTestCampaign.name(i);
                try {
                    submitted.put(name, s.runJob(plan.template(i, name, Map.of())));
                } catch (DrmCommunicationException e) {
                    if (e.getMessage().contains("is unknown")) unknown.add(name);
                    else refused.add(name);
                }
                if (submitted.isEmpty()) continue;
                List<String> names = new ArrayList<>(submitted.keySet());
                String asked = names.get(random.nextInt(names.size()));
                try {
                    JobState st = submitted.get(asked).getState();
                    statusOk++;
                    int expected = plan.expectedExit(KillTestCampaign.index(asked), Map.of());
                    if (st.isTerminal() && st != (expected == 0 ? JobState.DONE : JobState.FAILED)) wrongStatus.add(asked + " " + st);
                } catch (DrmCommunicationException e) {
                    statusFailed++;
                }
            }
            proxy.stopCutting();
        }
        int cuts = proxy.cuts() - cutsBefore;

        // reopening resolves the submissions of unknown fate by their tags; then what is missing is submitted
        int foundByTag = 0;
        int resubmitted = 0;
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", props)) {
            JobSession s = sm.openJobSession(session);
            Set<String> have = new HashSet<>();
            for (Job j : s.getJobs(null)) have.add(j.getJobTemplate().getJobName());
            for (String name : unknown) if (have.contains(name)) foundByTag++;
            assertEquals(0, ((GenericSessionManager) sm).store().pendingIntents(session).size(), "every submission of unknown fate is resolved");
            for (int i = 0; i < JOBS; i++) {
                String name = KillTestCampaign.name(i);
                if (have.contains(name)) continue;
                s.runJob(plan.template(i, name, Map.of()));
                resubmitted++;
            }
        }
        KillTestReport r = KillTest.builder("slurm", props).session(session).jobs(JOBS).seed(seed)
                .ledger(() -> SacctLedger.list(argv -> {
                    CommandResult q = direct(argv.toArray(new String[0]));
                    assertTrue(q.succeeded(), q.describeFailure());
                    return q.stdout();
                }, session, since))
                .unresolved((sm, name) -> ((GenericSessionManager) sm).store().pendingIntents(name).size())
                .verify();
        System.out.printf("SSH drop test (seed %d): %d submissions and %d status queries through %d cuts (%d connections); "
                        + "submissions of unknown fate %d, found again by tag %d, refused before reaching Slurm %d, submitted again %d; "
                        + "status queries answered %d, failed with DrmCommunicationException %d, wrong %d; scheduler holds %d, session %d; "
                        + "lost %d, duplicated %d, wrong ends %d; %d s%n", seed, JOBS, statusOk + statusFailed, cuts, proxy.connections(),
                unknown.size(), foundByTag, refused.size(), resubmitted, statusOk, statusFailed, wrongStatus.size(), r.schedulerJobs(),
                r.sessionJobs(), r.lost().size(), r.duplicated().size(), r.wrongEnds().size(), (System.nanoTime() - begin) / 1_000_000_000L);
        direct("scancel", "--me");
        r.assertClean();
        assertEquals(List.of(), wrongStatus, "a status query answers right or throws");
        assertTrue(cuts > 0 && !unknown.isEmpty(), "cuts landed while sbatch ran (" + cuts + " cuts)");
    }

    @Test
    @Order(2)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void connectionDownWhileJobsEnd_waitsEndRightAfterItIsBack() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Map<String, String> props = properties("state-waits");
        props.put("drmaa2j.poll.slowMillis", "600000");
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", props)) {
            JobSession s = sm.createJobSession("waits", null);
            String go = ClusterContainer.HOME + "/go-" + System.nanoTime();
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(s.runJob(JobTemplate.builder("/bin/sh").args("-c", "while [ ! -e \"$1\" ]; do sleep 1; done; exit \"$2\"", "sh", go,
                        Integer.toString(i % 3)).jobName("w" + i).build()));
            }
            for (Job j : jobs) j.waitStarted(Duration.ofMinutes(2));
            List<Future<Job>> waits = new ArrayList<>();
            for (Job j : jobs) waits.add(pool.submit(() -> j.waitTerminated(Timeouts.INFINITE)));
            proxy.down(true);
            assertTrue(direct("touch", go).succeeded()); // around the proxy: the jobs end while the driver cannot see it
            List<String> ids = jobs.stream().map(Job::getJobId).toList();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) { // asked around the proxy: until Slurm has them all ended
                CommandResult q = direct("squeue", "--noheader", "--format=%i", "--jobs=" + String.join(",", ids));
                if (q.succeeded() && q.stdout().isBlank() || q.stderr().contains("Invalid job id")) break;
                Thread.sleep(500);
            }
            Thread.sleep(2000);
            for (Future<Job> w : waits) assertFalse(w.isDone(), "no wait ends while the scheduler cannot be asked");
            long up = System.nanoTime();
            proxy.down(false);
            // a safety cap only: with the slow poll far away (10 min), the waits end because the driver
            // asks again right after the connection is back, not because a later poll comes round
            for (Future<Job> w : waits) w.get(5, TimeUnit.MINUTES);
            long ms = (System.nanoTime() - up) / 1_000_000;
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                assertEquals(i % 3 == 0 ? JobState.DONE : JobState.FAILED, j.getState(), j.getJobInfo().toString());
                assertEquals(i % 3, j.getJobInfo().getExitStatus());
            }
            System.out.printf("SSH drop test: the connection was down while %d jobs ended; their waits ended %d ms after it was back%n",
                    jobs.size(), ms);
        } finally {
            proxy.down(false);
            pool.shutdownNow();
        }
    }
}
