// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.store.SessionStore;
import org.junit.jupiter.api.Test;

/**
 * A start claim whose owner is gone is taken over on reopen ({@link ClaimTakeover}): the case seen
 * when a managing JVM was killed right after its fifth {@code runJob} returned, between claiming the
 * fifth job and starting it, and the cases around it (the job had started, its process had been killed, a
 * claim of an older version without an owner, an owner that is alive and dies later).
 */
class LocalClaimTakeoverTest extends LocalTestSupport {

    private Path stateDir() {
        return tmp.resolve("state");
    }

    private Path marker(String session, String jobId) {
        return new SessionStore(stateDir()).markerFile(session, jobId);
    }

    private Path claim(String session, String jobId) {
        Path m = marker(session, jobId);
        String n = m.getFileName().toString();
        return m.resolveSibling(n.substring(0, n.length() - ".exit".length()) + ".claim");
    }

    /** Writes the claim a managing process leaves when it dies between claiming a job and starting it. */
    private void claimAs(ProcessHandle.Info owner, long pid, String session, String jobId) throws Exception {
        long start = owner.startInstant().map(Instant::toEpochMilli).orElseThrow();
        Files.writeString(claim(session, jobId), "owner=" + InetAddress.getLocalHost().getHostName() + " " + pid + " " + start
                + "\njob=" + jobId + "\n");
    }

    private static List<String> ledger(Path ledger) throws Exception {
        return Files.exists(ledger) ? Files.readAllLines(ledger).stream().sorted().toList() : List.of();
    }

    @Test
    void claimOfAKilledManager_betweenClaimingAndStarting_isTakenOver_andTheJobRunsOnce() throws Exception {
        Path go = tmp.resolve("go");
        Path ledger = tmp.resolve("ledger");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledManagerMain.class.getName(),
                stateDir().toString(), "observed", go.toString(), ledger.toString())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null && !line.equals("READY"); ) ids.add(line);
        }
        assertEquals(5, ids.size(), ids + " " + read(tmp.resolve("child.err")));
        ProcessHandle.Info info = child.toHandle().info();
        long pid = child.pid();
        child.destroyForcibly(); // SIGKILL, right after the fifth runJob returned
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        String fifth = ids.get(4);
        assertFalse(Files.exists(claim("observed", fifth)), "the fifth job waited behind the four others");
        claimAs(info, pid, "observed", fifth); // what the killed JVM left: a claim, no pid file, no job process
        Files.createFile(go);

        JobSession s = sm.openJobSession("observed");
        for (Job j : s.getJobs(null)) j.waitTerminated(WAIT);
        for (int i = 0; i < 5; i++) {
            JobInfo ji = job(s, ids.get(i)).getJobInfo();
            assertEquals(JobState.FAILED, ji.getJobState(), ji.toString());
            assertEquals(i + 1, ji.getExitStatus(), ji.toString());
        }
        Job five = job(s, fifth);
        assertEquals(JobState.FAILED, five.getState());
        assertEquals(5, five.getJobInfo().getExitStatus());
        assertEquals(List.of("1", "2", "3", "4", "5"), ledger(ledger), "every job ran exactly once");
        String claimed = Files.readString(claim("observed", fifth));
        assertTrue(claimed.contains(" " + ProcessHandle.current().pid() + " "), "this process owns the claim now: " + claimed);
    }

    @Test
    void ownerlessClaimOfAnOlderVersion_isTakenOverOnceOld() throws Exception {
        Path ledger = tmp.resolve("ledger");
        String id = queuedJobOfAGoneManager("old", ledger, 0);
        Files.createFile(claim("old", id)); // older versions claimed with an empty file
        Files.setLastModifiedTime(claim("old", id), FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        JobSession s = sm.openJobSession("old");
        Job j = job(s, id);
        j.waitTerminated(WAIT);
        assertEquals(JobState.DONE, j.getState());
        assertEquals(List.of("0"), ledger(ledger));
        end(s);
    }

    @Test
    void claimOfAKilledManager_whoseJobRuns_isAdopted_notStartedAgain() throws Exception {
        Path ledger = tmp.resolve("ledger");
        Path go = tmp.resolve("go");
        String id = queuedJobOfAGoneManager("orphan", ledger, 3);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        claimAs(ProcessHandle.current().info(), gone.pid(), "orphan", id);
        // the killed manager's supervisor started the job before the manager died: it runs on, waiting for the go file
        try (JobSupervisor theirs = SupervisorScript.install(stateDir().resolve("bin")).supervisor()) {
            JobSupervisor.Started started = theirs.start(new JobSupervisor.Request(marker("orphan", id), tmp, null, null, null, false,
                    Map.of(), List.of("/bin/sh", "-c", "while [ ! -e \"$1\" ]; do sleep 0.05; done; echo 3 >> \"$2\"; exit 3", "job",
                            go.toString(), ledger.toString())));
            Path startedFile = marker("orphan", id).resolveSibling(marker("orphan", id).getFileName() + ".started");
            assertEquals(Long.toString(started.pid()), Files.readString(startedFile).trim(), "the job's process records that it started the job");

            JobSession s = sm.openJobSession("orphan");
            Job j = job(s, id);
            assertEquals(JobState.RUNNING, j.getState());
            Files.createFile(go);
            j.waitTerminated(WAIT);
            assertEquals(JobState.FAILED, j.getState());
            assertEquals(3, j.getJobInfo().getExitStatus());
            assertEquals(List.of("3"), ledger(ledger), "the job ran once");
            assertTrue(started.end().get(30, TimeUnit.SECONDS).recorded());
            end(s);
        }
    }

    @Test
    void claimOfAKilledManager_whoseJobWasKilledToo_failsWithAReason() throws Exception {
        String id = queuedJobOfAGoneManager("killed", tmp.resolve("ledger"), 0);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        claimAs(ProcessHandle.current().info(), gone.pid(), "killed", id);
        Path started = marker("killed", id).resolveSibling(marker("killed", id).getFileName() + ".started");
        Files.writeString(started, gone.pid() + "\n"); // a job process that started and is gone without a record
        JobSession s = sm.openJobSession("killed");
        Job j = job(s, id);
        j.waitTerminated(WAIT);
        assertEquals(JobState.FAILED, j.getState());
        assertEquals("LOST", j.getJobInfo().getJobSubState());
        assertTrue(j.getJobInfo().getAnnotation().contains("without writing the job's record"), j.getJobInfo().getAnnotation());
        assertFalse(Files.exists(tmp.resolve("ledger")), "nothing was started again");
        end(s);
    }

    @Test
    void claimOfALiveManager_isLeftAlone_andTakenOverWhenItDies() throws Exception {
        Path ledger = tmp.resolve("ledger");
        String id = queuedJobOfAGoneManager("live", ledger, 0);
        Process owner = new ProcessBuilder("sleep", "600").start();
        try {
            claimAs(owner.toHandle().info(), owner.pid(), "live", id);
            JobSession s = sm.openJobSession("live");
            Job j = job(s, id);
            assertEquals(JobState.QUEUED, j.getState(), "a live owner is starting it");
            assertEquals(List.of(), ledger(ledger));
            owner.destroyForcibly();
            owner.waitFor();
            j.waitTerminated(WAIT); // without the takeover this wait never ended
            assertEquals(JobState.DONE, j.getState());
            assertEquals(List.of("0"), ledger(ledger));
            end(s);
        } finally {
            owner.destroyForcibly();
        }
    }

    /**
     * A session with a job (exit status {@code code}, writing it to the ledger) still queued behind a
     * running one when its manager went away: the state a managing process leaves when it dies with a
     * queued job. The running job blocks until the session is ended by {@link #end}.
     */
    private String queuedJobOfAGoneManager(String session, Path ledger, int code) throws Exception {
        String id;
        Map<String, String> p = properties();
        p.put("drmaa2j.local.maxRunning", "1");
        try (SessionManager gone = new LocalProvider().createSessionManager(p)) {
            JobSession s = gone.createJobSession(session, null);
            Job blocker = s.runJob(sh("sleep 600").jobName("blocker").build());
            id = s.runJob(sh("echo \"$1\" >> \"$2\"; exit \"$1\"", Integer.toString(code), ledger.toString()).jobName("job").build()).getJobId();
            blocker.waitStarted(WAIT);
            s.close();
        }
        assertFalse(Files.exists(claim(session, id)), "the queued job was never claimed");
        return id;
    }

    private static Job job(JobSession s, String id) {
        return s.getJobs(null).stream().filter(j -> j.getJobId().equals(id)).findFirst().orElseThrow();
    }

    /** Ends the blocking job of {@link #queuedJobOfAGoneManager}. */
    private static void end(JobSession s) {
        for (Job j : s.getJobs(null)) {
            if ("blocker".equals(j.getJobTemplate().getJobName())) {
                j.terminate();
                j.waitTerminated(WAIT);
            }
        }
    }
}
