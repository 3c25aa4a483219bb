// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Capability;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

class GenericPersistenceTest extends GenericSessionTestSupport {

    @Test
    void reopenedSession_inAnotherManager_seesJobsTemplatesAndStates() {
        open(TinyBackend.all(), 50, 60_000);
        JobTemplate t = JobTemplate.builder("/bin/echo").args("a", "b").jobName("n").env("K", "V").build();
        Job done = js.runJob(t);
        Job queued = js.runJob(t);
        var array = js.runBulkJobs(t, 1, 2, 1, 0);
        backend.push(done.getJobId(), JobState.DONE);
        try (GenericSessionManager second = another()) {
            JobSession s = second.openJobSession("s1");
            assertEquals(4, s.getJobs(null).size());
            Job d = s.getJobs(null).stream().filter(j -> j.getJobId().equals(done.getJobId())).findFirst().orElseThrow();
            assertEquals(JobState.DONE, d.getState());
            assertEquals(0, d.getJobInfo().getExitStatus());
            assertEquals(t, d.getJobTemplate());
            assertEquals("N" + done.getJobId(), ((GenericJob) d).record().data("native"));
            assertEquals(2, s.getJobArray(array.getJobArrayId()).getJobs().size());
            TinyBackend b2 = (TinyBackend) second.backend(null);
            assertEquals(4, b2.adopted.size());
            assertTrue(b2.adopted.contains(queued.getJobId()));
        }
    }

    /** A second manager whose scheduler already holds the given states; polls only on demand. */
    private GenericSessionManager anotherWith(java.util.function.Consumer<TinyBackend> prepare, TinyBackend[] made) {
        Map<String, String> p = Map.of("drmaa2j.stateDir", tmp.toString(),
                "drmaa2j.poll.fastMillis", "600000", "drmaa2j.poll.slowMillis", "600000");
        return new GenericSessionManager("tiny", p, ctx -> {
            TinyBackend b = new TinyBackend(ctx, TinyBackend.all());
            prepare.accept(b);
            made[0] = b;
            return b;
        });
    }

    private static Job find(JobSession s, String id) {
        return s.getJobs(null).stream().filter(j -> j.getJobId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void reopenedSession_jobsThatEndedMeanwhile_showTheirEndAtOnce_afterOneBatchedCall() {
        open(TinyBackend.all(), 50, 60_000);
        JobTemplate t = JobTemplate.builder("/bin/echo").build();
        String failed = js.runJob(t).getJobId();
        String done = js.runJob(t).getJobId();
        String queued = js.runJob(t).getJobId();
        sm.close(); // no process has the session open while the jobs end
        TinyBackend[] b = new TinyBackend[1];
        try (GenericSessionManager second = anotherWith(tb -> {
            tb.set(failed, JobState.FAILED);
            tb.set(done, JobState.DONE);
            tb.set(queued, JobState.QUEUED);
        }, b)) {
            JobSession s = second.openJobSession("s1");
            assertEquals(List.of(List.of(failed, done, queued).stream().sorted().toList()), b[0].statusCalls,
                    "reopening asks the scheduler once, about all the stored live jobs together");
            assertEquals(JobState.FAILED, find(s, failed).getState());
            assertEquals(1, find(s, failed).getJobInfo().getExitStatus());
            assertEquals(JobState.DONE, find(s, done).getState());
            assertEquals(0, find(s, done).getJobInfo().getExitStatus());
            assertEquals(JobState.QUEUED, find(s, queued).getState());
            assertEquals(1, b[0].statusCalls.size(), "the reads right after the reopen need no second call");
        }
    }

    @Test
    void reopenedSession_schedulerSilentAtReopen_firstReadAsksAgain() {
        open(TinyBackend.all(), 50, 60_000);
        String id = js.runJob(JobTemplate.builder("/bin/echo").build()).getJobId();
        sm.close();
        TinyBackend[] b = new TinyBackend[1];
        try (GenericSessionManager second = anotherWith(tb -> {
            tb.set(id, JobState.FAILED);
            tb.statusFailure = new org.drmaa2j.DrmCommunicationException("no answer");
        }, b)) {
            JobSession s = second.openJobSession("s1");
            assertEquals(1, b[0].statusCalls.size());
            b[0].statusFailure = null;
            assertEquals(JobState.FAILED, find(s, id).getState());
            assertEquals(2, b[0].statusCalls.size());
        }
    }

    @Test
    void sessions_createOpenDestroy_andGeneratedNames() {
        open(TinyBackend.all(), 50, 60_000);
        assertThrows(SessionManagementException.class, () -> sm.createJobSession("s1", null));
        assertThrows(SessionManagementException.class, () -> sm.openJobSession("missing"));
        assertThrows(SessionManagementException.class, () -> sm.destroyJobSession("missing"));
        assertThrows(InvalidArgumentException.class, () -> sm.createJobSession("../escape", null));
        JobSession g1 = sm.createJobSession(null, null);
        JobSession g2 = sm.createJobSession(null, null);
        assertNotEquals(g1.getSessionName(), g2.getSessionName());
        assertTrue(sm.getJobSessionNames().containsAll(List.of("s1", g1.getSessionName(), g2.getSessionName())));
        js.runJob(JobTemplate.builder("/bin/echo").build());
        sm.destroyJobSession("s1");
        assertTrue(!sm.getJobSessionNames().contains("s1"));
        assertTrue(!Files.exists(tmp.resolve("sessions/s1")));
        assertThrows(org.drmaa2j.InvalidSessionException.class, () -> js.getJobs(null));
        JobSession fresh = sm.createJobSession("s1", null);
        assertTrue(fresh.getJobs(null).isEmpty());
    }

    @Test
    void storeFiles_arePrivate() throws Exception {
        open(TinyBackend.all(), 50, 60_000);
        Job j = js.runJob(JobTemplate.builder("/bin/echo").build());
        Path dir = tmp.resolve("sessions/s1");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("writers"))));
        Path rec = dir.resolve("journal.log");
        assertTrue(Files.readString(rec).contains(j.getJobId()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(rec)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("session.json"))));
    }

    @Test
    void failedSubmission_recordsNothing() {
        DriverBackend failing = mock(DriverBackend.class);
        when(failing.capabilities()).thenReturn(java.util.EnumSet.allOf(Capability.class));
        when(failing.jobCategories()).thenReturn(java.util.Set.of());
        when(failing.drmsName()).thenReturn("mock");
        when(failing.drmsVersion()).thenReturn(new Version("1", "0"));
        when(failing.submit(any())).thenThrow(new DeniedByDrmsException("sbatch: error: invalid partition (exit 1)"));
        when(failing.status(any())).thenReturn(Map.of());
        try (GenericSessionManager m = new GenericSessionManager("mock", Map.of("drmaa2j.stateDir", tmp.toString()), ctx -> failing)) {
            JobSession s = m.createJobSession("m1", null);
            DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class, () -> s.runJob(JobTemplate.builder("/bin/echo").build()));
            assertTrue(e.getMessage().contains("invalid partition"));
            assertTrue(s.getJobs(null).isEmpty());
            assertTrue(m.store().loadJobs("m1").isEmpty());
            assertTrue(m.store().pendingIntents("m1").isEmpty(), "a refused submission leaves no pending intent");
        }
    }

    @Test
    void failingStatusQuery_doesNotStopThePoller() {
        DriverBackend flaky = mock(DriverBackend.class);
        when(flaky.capabilities()).thenReturn(java.util.EnumSet.allOf(Capability.class));
        when(flaky.jobCategories()).thenReturn(java.util.Set.of());
        when(flaky.drmsName()).thenReturn("mock");
        when(flaky.submit(any())).thenReturn(new org.drmaa2j.spi.backend.Submitted("m-1",
                org.drmaa2j.JobInfo.builder().jobId("m-1").jobState(JobState.QUEUED).build(), Map.of()));
        when(flaky.status(any()))
                .thenThrow(new org.drmaa2j.DrmCommunicationException("squeue: error: slurm_receive_msg: Socket timed out"))
                .thenReturn(Map.of("m-1", org.drmaa2j.JobInfo.builder().jobId("m-1").jobState(JobState.DONE).build()));
        Map<String, String> p = Map.of("drmaa2j.stateDir", tmp.toString(), "drmaa2j.poll.fastMillis", "30");
        try (GenericSessionManager m = new GenericSessionManager("mock", p, ctx -> flaky)) {
            Job j = m.createJobSession("m2", null).runJob(JobTemplate.builder("/bin/echo").build());
            j.waitTerminated(java.time.Duration.ofSeconds(30));
            assertEquals(JobState.DONE, j.getState());
            JobRecord r = m.store().loadJob("m2", "m-1").orElseThrow();
            assertEquals(JobState.DONE, r.info().getJobState());
        }
    }
}
