// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over SSH against the Slurm container: reattach from another machine, and completion markers.
 *
 * <p>Reattach: two session managers with
 * separate local state directories (two "machines" that share nothing but the login node) use the
 * contact {@code slurm+ssh://drmaa@localhost:<port>/} with host key verification on. The session
 * store lives on the login node, so the second machine opens the session the first created and
 * sees the same jobs, waits for them and reads their exit statuses.
 *
 * <p>Completion markers: the job scripts write them into the session's directory on the login node,
 * which the watcher lists over the SSH connection's SFTP channel. With the poller's interval at an
 * hour (a clock that never moves), waiters still wake, and no status command runs; the scheduler's
 * later answers agree with what the markers said; a cancelled job, which writes none, is found by the poll.
 */
class SlurmSshReattachTest {
    private static final SlurmSshTckEnvironment LOGIN_NODE = new SlurmSshTckEnvironment();
    @TempDir
    static Path machines;

    @BeforeAll
    static void start() {
        LOGIN_NODE.start();
    }

    @AfterAll
    static void stop() {
        LOGIN_NODE.stop();
    }

    private static SessionManager machine(String name) {
        return machine(name, Map.of());
    }

    private static SessionManager machine(String name, Map<String, String> more) {
        Map<String, String> p = new HashMap<>(LOGIN_NODE.driverProperties());
        p.put("drmaa2j.stateDir", machines.resolve(name).toString());
        p.putAll(more);
        return Drmaa2.getSessionManager("slurm", p);
    }

    /** A poller whose interval is an hour: within a test, one whose clock never moves. */
    private static final Map<String, String> FROZEN_POLL = Map.of("drmaa2j.poll.fastMillis", "3600000", "drmaa2j.poll.slowMillis", "3600000");

    private static long schedulerCommands() {
        Map<String, Long> c = CommandMetrics.counts();
        return c.getOrDefault("squeue", 0L) + c.getOrDefault("sacct", 0L) + c.getOrDefault("scontrol", 0L);
    }

    private static JobTemplate exiting(String how) {
        return JobTemplate.builder("/bin/sh").args("-c", how).build();
    }

    private static String markers(String session) {
        return LOGIN_NODE.loginNode().execOrFail("sh", "-c", "ls -A .drmaa2j/slurm/sessions/" + session + "/markers");
    }

    @Test
    void markersWakeEveryWaiter_withThePollerFrozen_andNoStatusCommandRuns() throws Exception {
        try (SessionManager sm = machine("markers", FROZEN_POLL)) {
            JobSession s = sm.createJobSession("markers", null);
            List<Job> jobs = new ArrayList<>();
            for (String how : List.of("exit 0", "exit 3", "kill -9 $$")) jobs.add(s.runJob(exiting(how)));
            long before = schedulerCommands();
            List<CompletableFuture<Job>> waiters = new ArrayList<>();
            for (Job j : jobs) {
                for (int w = 0; w < 3; w++) waiters.add(CompletableFuture.supplyAsync(() -> j.waitTerminated(Duration.ofMinutes(3))));
            }
            waiters.add(CompletableFuture.supplyAsync(() -> s.waitAnyTerminated(jobs, Duration.ofMinutes(3))));
            for (CompletableFuture<Job> w : waiters) w.get(4, TimeUnit.MINUTES);
            assertEquals(JobState.DONE, jobs.get(0).getState());
            assertEquals(JobState.FAILED, jobs.get(1).getState());
            assertEquals(JobState.FAILED, jobs.get(2).getState());
            // getJobInfo waits for Slurm to confirm the ends: a status call (the next test reads it)
            assertEquals(0, schedulerCommands() - before, "waiters woken by the markers, and getState, asked Slurm nothing");
            s.close();
            sm.destroyJobSession("markers");
        }
    }

    @Test
    void theSchedulerConfirmsWhatTheMarkersSaid_andACancelledJobIsFoundByThePoll() throws Exception {
        Map<String, String> quick = Map.of("drmaa2j.poll.fastMillis", "300", "drmaa2j.poll.slowMillis", "300");
        try (SessionManager sm = machine("confirm", quick)) {
            JobSession s = sm.createJobSession("confirm", null);
            List<Job> jobs = new ArrayList<>();
            for (String how : List.of("exit 0", "exit 4", "kill -9 $$")) jobs.add(s.runJob(exiting(how)));
            Job cancelled = s.runJob(exiting("sleep 600"));
            cancelled.waitStarted(Duration.ofMinutes(3));
            cancelled.terminate();
            List<JobInfo> seen = new ArrayList<>();
            for (Job j : jobs) seen.add(j.waitTerminated(Duration.ofMinutes(3)).getJobInfo());
            assertEquals(cancelled, cancelled.waitTerminated(Duration.ofMinutes(3)));
            assertEquals(JobState.FAILED, cancelled.getState());
            // every marker is deleted once Slurm has confirmed its job's end
            long cap = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!markers("confirm").isBlank()) {
                assertTrue(System.nanoTime() < cap, "safety cap: markers left " + markers("confirm"));
                Thread.sleep(200);
            }
            for (int i = 0; i < jobs.size(); i++) {
                JobInfo now = jobs.get(i).getJobInfo();
                assertEquals(seen.get(i).getJobState(), now.getJobState(), jobs.get(i).getJobId());
                assertEquals(seen.get(i).getExitStatus(), now.getExitStatus(), jobs.get(i).getJobId());
                assertEquals(seen.get(i).getTerminatingSignal(), now.getTerminatingSignal(), jobs.get(i).getJobId());
            }
            assertEquals(4, jobs.get(1).getJobInfo().getExitStatus());
            s.close();
            sm.destroyJobSession("confirm");
        }
    }

    @Test
    void sessionCreatedOnOneMachine_opensOnAnother_withTheSameJobs() {
        List<String> submitted = new ArrayList<>();
        try (SessionManager laptop = machine("laptop")) {
            JobSession s = laptop.createJobSession("campaign", null);
            for (int code = 0; code < 3; code++) {
                submitted.add(s.runJob(JobTemplate.builder("/bin/sh").args("-c", "sleep 2; exit " + code).jobName("reattach-" + code).build()).getJobId());
            }
            s.close();
        }
        try (SessionManager portal = machine("portal")) {
            assertTrue(portal.getJobSessionNames().contains("campaign"), "the portal sees the laptop's session");
            JobSession s = portal.openJobSession("campaign");
            List<Job> jobs = s.getJobs(null);
            Set<String> ids = new TreeSet<>();
            jobs.forEach(j -> ids.add(j.getJobId()));
            assertEquals(new TreeSet<>(submitted), ids, "the same jobs on the other machine");
            for (Job j : jobs) {
                j.waitTerminated(Duration.ofMinutes(2));
                int expected = Integer.parseInt(j.getJobInfo().getJobName().substring("reattach-".length()));
                assertEquals(expected == 0 ? JobState.DONE : JobState.FAILED, j.getState(), j.getJobId());
                assertEquals(expected, j.getJobInfo().getExitStatus(), j.getJobId());
            }
            s.close();
            portal.destroyJobSession("campaign");
        }
        try (SessionManager laptop = machine("laptop")) {
            assertTrue(!laptop.getJobSessionNames().contains("campaign"), "destroyed on the login node, gone for every machine");
        }
    }
}
