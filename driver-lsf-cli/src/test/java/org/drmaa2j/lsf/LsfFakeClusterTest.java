// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.SessionManager;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The error paths a real LSF cannot be made to produce on demand, through the real driver (the
 * provider, the generic session, the backend and its parsers) with FAKE LSF commands from
 * {@code src/test/resources/fake-lsf}, found through the driver property
 * {@value LsfProvider#BIN_DIR_PROPERTY}: a rejected submission, and jobs that bjobs has forgotten
 * which bhist or bacct still know.
 */
class LsfFakeClusterTest {
    private static final List<String> FAKES = List.of("lsid", "bsub", "bjobs", "bhist", "bacct");

    @TempDir
    Path dir;
    private Path bin;
    private SessionManager manager;
    private JobSession session;

    @BeforeEach
    void start() throws IOException {
        bin = Files.createDirectories(dir.resolve("fake-lsf"));
        for (String name : FAKES) {
            try (InputStream in = LsfFakeClusterTest.class.getResourceAsStream("/fake-lsf/" + name)) {
                Files.copy(in, bin.resolve(name));
            }
            assertTrue(bin.resolve(name).toFile().setExecutable(true));
        }
        manager = Drmaa2.getSessionManager("lsf", Map.of(LsfProvider.BIN_DIR_PROPERTY, bin.toString(),
                "drmaa2j.stateDir", dir.resolve("state").toString(), "drmaa2j.poll.fastMillis", "100"));
        session = manager.createJobSession(null, null);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        manager.close();
    }

    private List<String> calls() throws IOException {
        Path log = bin.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void runJob_rejectedByBsub_carriesBsubsOwnWords() throws IOException {
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> session.runJob(JobTemplate.builder("/bin/true").queueName("nosuchqueue").build()));
        assertTrue(e.getMessage().contains("nosuchqueue: No such queue. Job not submitted."), e.getMessage());
        assertTrue(e.getMessage().contains("exit 255"), e.getMessage());
        assertEquals(List.of(), session.getJobs(null), "nothing half-submitted");
        assertTrue(calls().stream().anyMatch(c -> c.startsWith("bsub ") && c.contains("-q nosuchqueue")), calls().toString());
        assertTrue(Files.readString(bin.resolve("last-script.sh")).contains("drmaa2j_run /bin/true"), "the script went to bsub's standard input");
    }

    @Test
    void runJob_unsupportedAttribute_submitsNothing() throws IOException {
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> session.runJob(JobTemplate.builder("/bin/true").machineOS(OperatingSystem.LINUX).build()));
        assertEquals("machineOS", e.getAttribute());
        assertFalse(calls().stream().anyMatch(c -> c.startsWith("bsub ")), calls().toString());
    }

    @Test
    void waitTerminated_jobForgottenByBjobs_exitCodeFromBhist() throws IOException {
        Job job = session.runJob(JobTemplate.builder("/bin/sh").args("-c", "exit 3").jobName("vanish-bhist").build());
        assertEquals("4242", job.getJobId());
        job.waitTerminated(Duration.ofSeconds(30));
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
        assertEquals("EXIT", i.getJobSubState());
        assertEquals(List.of("node7"), i.getAllocatedMachines());
        assertEquals("login1", i.getSubmissionMachine());
        assertEquals("normal", i.getQueueName());
        assertEquals(Duration.ofMillis(400), i.getCpuTime());
        assertEquals(Duration.ofSeconds(61), i.getWallclockTime());
        assertNotNull(i.getFinishTime());
        List<String> calls = calls();
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("bjobs -o jobid ") && c.endsWith(" -json -a 4242")), calls.toString());
        assertTrue(calls.contains("bhist -a -l 4242"), calls.toString());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("bacct")), "bacct only for what bhist does not know");
    }

    @Test
    void waitTerminated_jobForgottenByBjobsAndBhist_endFromBacct() throws IOException {
        Job job = session.runJob(JobTemplate.builder("/bin/sleep").args("600").jobName("vanish-bacct").build());
        assertEquals("4243", job.getJobId());
        job.waitTerminated(Duration.ofSeconds(30));
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("TERM_OWNER", i.getJobSubState());
        assertEquals("TERM_OWNER: job killed by owner", i.getAnnotation());
        assertEquals(List.of("node8"), i.getAllocatedMachines());
        assertEquals("vanish-bacct", i.getJobName());
        assertEquals(Duration.ofSeconds(120), i.getWallclockTime());
        assertTrue(calls().contains("bacct -l 4243"), calls().toString());
    }

    @Test
    void reopen_findsASubmissionWhoseAnswerWasLost_byItsJobDescription() throws IOException {
        GenericSessionManager g = (GenericSessionManager) manager;
        String name = session.getSessionName();
        String tag = SubmissionTags.newTag(name);
        JobTemplate t = JobTemplate.builder("/bin/true").jobName("lost-answer").build();
        // the process records the intent, bsub accepts the job, and the process dies before recording the id
        g.store().recordIntent(name, new SubmissionIntent(tag, Instant.now(), t, null));
        assertEquals("4244", g.backend(null).submit(new SubmitRequest(name, g.store().sessionDirectory(name), t, tag)).jobId());
        session.close();
        manager.close();

        manager = Drmaa2.getSessionManager("lsf", Map.of(LsfProvider.BIN_DIR_PROPERTY, bin.toString(),
                "drmaa2j.stateDir", dir.resolve("state").toString(), "drmaa2j.reconcile.graceMillis", "60000"));
        session = manager.openJobSession(name);
        assertEquals(List.of("4244"), session.getJobs(null).stream().map(Job::getJobId).toList());
        assertEquals("lost-answer", session.getJobs(null).get(0).getJobTemplate().getJobName());
        assertEquals(0, ((GenericSessionManager) manager).store().pendingIntents(name).size());
        String label = SubmissionTags.label(tag);
        List<String> calls = calls();
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("bsub ") && c.endsWith(" -Jd " + label)), calls.toString());
        assertTrue(calls.contains("bjobs -a -noheader -o jobid -Jd " + label), "first the jobs mbatchd holds: " + calls);
        assertTrue(calls.contains("bhist -a -l -n 0 -Jd " + label), "then the event logs: " + calls);
    }

    @Test
    void reopen_dropsASubmissionLsfNeverGot_afterTheGracePeriod() throws IOException {
        GenericSessionManager g = (GenericSessionManager) manager;
        String name = session.getSessionName();
        String tag = SubmissionTags.newTag(name);
        g.store().recordIntent(name, new SubmissionIntent(tag, Instant.now(), JobTemplate.builder("/bin/true").build(), null));
        session.close();
        manager.close();
        manager = Drmaa2.getSessionManager("lsf", Map.of(LsfProvider.BIN_DIR_PROPERTY, bin.toString(),
                "drmaa2j.stateDir", dir.resolve("state").toString(), "drmaa2j.reconcile.graceMillis", "1"));
        session = manager.openJobSession(name);
        assertEquals(List.of(), session.getJobs(null));
        assertEquals(0, ((GenericSessionManager) manager).store().pendingIntents(name).size());
        assertTrue(calls().contains("bhist -a -l -n 0 -Jd " + SubmissionTags.label(tag)), calls().toString());
    }
}
