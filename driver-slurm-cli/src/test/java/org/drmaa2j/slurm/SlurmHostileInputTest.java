// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.hostile.FuzzTally;
import org.drmaa2j.tck.hostile.HostileCase;
import org.drmaa2j.tck.hostile.HostileTemplates;
import org.drmaa2j.tck.hostile.HostileText;
import org.drmaa2j.tck.hostile.JobReport;
import org.drmaa2j.tck.hostile.Parallel;
import org.drmaa2j.tck.hostile.PrivateFiles;
import org.drmaa2j.tck.hostile.Waiters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input and concurrency against a real Slurm in a container (22.05 unless
 * {@code -Ddrmaa2j.slurm.version} says otherwise). One run of {@value #TEMPLATES} generated templates (the generator the local driver's fuzz test uses too):
 *
 * <ol>
 * <li>8 threads submit into ONE session until each has {@value #JOBS_PER_THREAD} accepted jobs,
 * while 8 waiters wait for each job: 2,000 distinct real jobs, every one DONE, every one's
 * report read back and compared byte for byte (arguments, environment, and the job name as the
 * job sees it in {@code SLURM_JOB_NAME}); every refusal an InvalidArgumentException naming a
 * field the template set, with nothing submitted (the scheduler's own list holds exactly the
 * accepted jobs).</li>
 * <li>The rest of the templates go through the same driver on 4 threads into a second session, as
 * real jobs checked the same way, so all {@value #TEMPLATES} templates meet the real submission
 * path and every accepted one runs as a Slurm job.</li>
 * </ol>
 * No injected command ever creates the sentinel file, on the host or in the container; no log
 * line holds a secret environment value; the session store is private (0700/0600).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmHostileInputTest {
    static final int TEMPLATES = 10_000;
    static final int THREADS = 8;
    static final int JOBS_PER_THREAD = 250;
    private static final String SECRET_VARIABLE = JobReport.ENV_PREFIX + "SECRET";
    private static final String REPORT = ClusterContainer.HOME + "/hostile-report.pl";
    private static final String OUT = ClusterContainer.HOME + "/hostile-out";
    /**
     * Safety caps against a hang, not speed targets (each run takes a few minutes on an idle 2-core
     * machine, several times that on a loaded one): every job must be accepted or refused, run and be
     * seen ending, however long the machine takes.
     */
    private static final Duration RUN_CAP = Duration.ofMinutes(40);
    private static final Duration WAIT_CAP = Duration.ofMinutes(20);

    private final String secret = "s3cr3t-" + UUID.randomUUID();
    private final String sentinel = "/tmp/drmaa2j-hostile-" + UUID.randomUUID();
    private final AtomicInteger nextCase = new AtomicInteger();
    private List<HostileCase> cases;
    /** The jobs of the first test, so that the second can tell its own in the scheduler's list. */
    private final Set<String> firstRunJobIds = new HashSet<>();
    private SlurmContainer cluster;
    @TempDir
    Path tmp;

    @BeforeAll
    void start() {
        cluster = HostileSlurmCluster.get();
        cluster.putUserFile(REPORT, JobReport.SCRIPT, 0700);
        cluster.execOrFail("mkdir", "-p", OUT);
        cases = HostileTemplates.generate(HostileTemplates.seed(), TEMPLATES, new HostileText(sentinel));
    }

    @Test
    @Order(1)
    @Timeout(50 * 60)
    void eightThreads_twoThousandHostileJobs_oneSession() throws Exception {
        Path state = tmp.resolve("state");
        FuzzTally tally = new FuzzTally();
        Map<String, HostileCase> byJobId = new ConcurrentHashMap<>();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", HostileSlurmCluster.driverProperties(state.toString()))) {
            JobSession s = sm.createJobSession("hostile", HostileSlurmCluster.contact());
            Waiters waiters = new Waiters(THREADS, WAIT_CAP, errors);
            int submitted = Parallel.forEach(List.of(0, 1, 2, 3, 4, 5, 6, 7), THREADS, RUN_CAP, t -> {
                int mine = 0;
                while (mine < JOBS_PER_THREAD) {
                    int i = nextCase.getAndIncrement();
                    if (i >= cases.size()) {
                        errors.add("thread " + t + " ran out of templates");
                        return;
                    }
                    HostileCase c = cases.get(i);
                    Job j = tally.submit(c, () -> s.runJob(template(c).build()));
                    if (j == null) continue;
                    mine++;
                    if (byJobId.put(j.getJobId(), c) != null) errors.add("job id " + j.getJobId() + " given twice");
                    waiters.add(j);
                }
            });
            Map<String, JobState> ended = waiters.finish();
            System.out.println("slurm concurrency: " + THREADS + " threads, " + nextCase.get() + " templates submitted, "
                    + byJobId.size() + " distinct jobs, " + tally.summary() + ", errors " + errors.size());
            assertEquals(THREADS, submitted);
            assertEquals(List.of(), errors);
            assertEquals(THREADS * JOBS_PER_THREAD, byJobId.size(), "distinct job ids");
            assertEquals(byJobId.keySet(), ended.keySet(), "every job waited for: none lost");
            ended.forEach((id, st) -> {
                if (st != JobState.DONE) tally.fail(byJobId.get(id), "job " + id + " ended " + st + explain(s, id));
            });
            Set<String> sessionJobs = new HashSet<>();
            s.getJobs(null).forEach(j -> sessionJobs.add(j.getJobId()));
            assertEquals(byJobId.keySet(), sessionJobs, "the session lists exactly the accepted jobs");
            firstRunJobIds.addAll(byJobId.keySet());
            assertEquals(byJobId.keySet(), schedulerJobIds(), "the scheduler holds exactly the accepted jobs: a refused template submitted nothing");
            checkReports(byJobId, tally);
            System.out.println("slurm hostile jobs: " + tally.summary());
            assertEquals(List.of(), tally.failures(), tally.summary());
            assertEquals(THREADS * JOBS_PER_THREAD, tally.verifiedCount());
        }
        PrivateFiles.assertPrivate(state);
    }

    @Test
    @Order(2)
    @Timeout(50 * 60)
    void remainingTemplates_throughTheDriver_asRealJobs() throws Exception {
        int from = nextCase.get();
        List<HostileCase> rest = cases.subList(Math.min(from, cases.size()), cases.size());
        Path state = tmp.resolve("state-rest");
        FuzzTally tally = new FuzzTally();
        Map<String, HostileCase> byJobId = new ConcurrentHashMap<>();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", HostileSlurmCluster.driverProperties(state.toString()))) {
            JobSession s = sm.createJobSession("hostile-rest", HostileSlurmCluster.contact());
            Waiters waiters = new Waiters(THREADS, WAIT_CAP, errors);
            Parallel.forEach(List.of(0, 1, 2, 3), 4, RUN_CAP, t -> {
                for (int i = next.getAndIncrement(); i < rest.size(); i = next.getAndIncrement()) {
                    HostileCase c = rest.get(i);
                    Job j = tally.submit(c, () -> s.runJob(template(c).build()));
                    if (j == null) continue;
                    if (byJobId.put(j.getJobId(), c) != null) errors.add("job id " + j.getJobId() + " given twice");
                    waiters.add(j);
                }
            });
            Map<String, JobState> ended = waiters.finish();
            System.out.println("slurm templates " + from + ".." + cases.size() + " as real jobs: " + byJobId.size()
                    + " distinct jobs, " + tally.summary() + ", errors " + errors.size());
            assertTrue(next.get() >= rest.size(), "every remaining template was tried");
            assertEquals(List.of(), errors);
            assertEquals(byJobId.keySet(), ended.keySet(), "every job waited for: none lost");
            ended.forEach((id, st) -> {
                if (st != JobState.DONE) tally.fail(byJobId.get(id), "job " + id + " ended " + st + explain(s, id));
            });
            Set<String> newInScheduler = schedulerJobIds();
            newInScheduler.removeAll(firstRunJobIds);
            assertEquals(byJobId.keySet(), newInScheduler, "the scheduler holds exactly the accepted jobs: a refused template submitted nothing");
            checkReports(byJobId, tally);
            System.out.println("slurm hostile jobs, templates " + from + ".." + cases.size() + ": " + tally.summary());
            assertEquals(List.of(), tally.failures(), tally.summary());
            assertEquals(tally.accepted(), tally.verifiedCount());
        }
        PrivateFiles.assertPrivate(state);
    }

    @AfterAll
    void noInjectedCommandRan_noSecretLogged() throws IOException {
        assertFalse(Files.exists(Path.of(sentinel)), "an injected command ran on the host: " + sentinel);
        ExecOutcome ls = cluster.execAsRoot("ls", "-d", sentinel);
        assertFalse(ls.succeeded(), "an injected command ran in the container: " + ls);
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (logFile != null && Files.exists(Path.of(logFile))) {
            String log = Files.readString(Path.of(logFile));
            assertFalse(log.contains(secret), "a secret environment value reached the log " + logFile);
        }
    }

    private JobTemplate.Builder template(HostileCase c) {
        return c.builder(REPORT, OUT + "/" + c.index() + ".out").env(SECRET_VARIABLE, secret);
    }

    private Map<String, String> expectedEnvironment(HostileCase c) {
        Map<String, String> env = new HashMap<>(c.environment());
        env.put(SECRET_VARIABLE, secret);
        return env;
    }

    private void checkReports(Map<String, HostileCase> byJobId, FuzzTally tally) {
        Map<String, String> reports = readReports(OUT);
        byJobId.forEach((id, c) -> {
            List<String> diffs = JobReport.differences(reports.get(c.index() + ".out"), c.args(), expectedEnvironment(c), c.jobName());
            if (diffs.isEmpty()) tally.verified();
            else tally.fail(c, "job " + id + ": " + String.join("; ", diffs));
        });
    }

    /** Every {@code *.out} file of a directory in the container, read with one command. */
    private Map<String, String> readReports(String dir) {
        String marker = "==REPORT " + UUID.randomUUID() + " ";
        ExecOutcome all = cluster.exec("bash", "-c", "cd " + dir + " && for f in *.out; do printf '%s%s\\n' '" + marker + "' \"$f\"; cat \"$f\"; done");
        if (!all.succeeded()) throw new IllegalStateException("reading reports: " + all);
        Map<String, String> out = new HashMap<>();
        String[] parts = all.stdout().split(java.util.regex.Pattern.quote(marker));
        for (String p : parts) {
            int nl = p.indexOf('\n');
            if (nl > 0) out.put(p.substring(0, nl), p.substring(nl + 1));
        }
        return out;
    }

    /**
     * What the driver and Slurm say about a job that did not end DONE: the driver's job info,
     * accounting's record and the daemons' log lines naming the job, so that a failure on a busy
     * CI machine can be understood from its report alone.
     */
    private String explain(JobSession s, String id) {
        StringBuilder sb = new StringBuilder();
        try {
            s.getJobs(null).stream().filter(j -> j.getJobId().equals(id)).findFirst()
                    .ifPresent(j -> sb.append("\n  driver: ").append(j.getJobInfo()));
        } catch (RuntimeException e) {
            sb.append("\n  driver: ").append(e);
        }
        ExecOutcome acct = cluster.exec("sacct", "-j", id, "-n", "-P", "-o",
                "JobID,State,ExitCode,DerivedExitCode,Reason,Submit,Start,End,NodeList");
        sb.append("\n  sacct: ").append(acct.stdout().strip()).append(acct.stderr().strip());
        ExecOutcome logs = cluster.execAsRoot("bash", "-c", "grep -h -E 'JobId=" + id + "([^0-9]|$)|job " + id + "([^0-9]|$)|StepId=" + id
                + "[.]' /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log | tail -n 20");
        sb.append("\n  logs:\n").append(logs.stdout().strip());
        System.out.println("slurm job " + id + " did not end DONE:" + sb);
        return sb.toString();
    }

    /** The scheduler's own list of this user's jobs: every job accounting knows. */
    /**
     * Every job of the user the scheduler knows: the accounting database's, and the controller's,
     * which holds a job that has just ended before slurmdbd has its record (on a busy machine the
     * last job of a run was missing from sacct alone).
     */
    private Set<String> schedulerJobIds() {
        Set<String> s = new HashSet<>();
        lines(s, cluster.execOrFail("sacct", "-X", "-n", "-P", "-o", "JobID", "-S", "2000-01-01", "-u", ClusterContainer.USER));
        lines(s, cluster.execOrFail("squeue", "-h", "--states=all", "-o", "%i", "-u", ClusterContainer.USER));
        return s;
    }

    private static void lines(Set<String> into, String text) {
        for (String line : text.split("\n")) if (!line.isBlank()) into.add(line.strip());
    }
}
