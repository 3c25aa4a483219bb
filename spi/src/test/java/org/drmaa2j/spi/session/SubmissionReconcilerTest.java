// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.Capability;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.store.OwnerProcess;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReconcilerTest {
    @TempDir
    Path tmp;

    private static DriverBackend backend() {
        DriverBackend b = mock(DriverBackend.class);
        when(b.capabilities()).thenReturn(EnumSet.allOf(Capability.class));
        when(b.jobCategories()).thenReturn(Set.of());
        when(b.drmsName()).thenReturn("mock");
        when(b.drmsVersion()).thenReturn(new Version("1", "0"));
        when(b.status(any())).thenReturn(Map.of());
        return b;
    }

    private static Submitted queued(String id) {
        return new Submitted(id, JobInfo.builder().jobId(id).jobState(JobState.QUEUED).build(), Map.of());
    }

    private GenericSessionManager manager(DriverBackend b, long graceMillis) {
        return new GenericSessionManager("mock", Map.of("drmaa2j.stateDir", tmp.toString(),
                SubmissionReconciler.GRACE_MS, String.valueOf(graceMillis)), ctx -> b);
    }

    @Test
    void reopen_recordsFoundSubmissions_waitsForLateOnes_dropsOldOnes() {
        JobTemplate t = JobTemplate.builder("/bin/true").jobName("n").build();
        SessionStore store = new SessionStore(tmp);
        store.create("r", null);
        Instant now = Instant.now();
        store.recordIntent("r", new SubmissionIntent("single", now, t, null));
        store.recordIntent("r", new SubmissionIntent("bulk", now, t, new BulkRange(2, 6, 2, 0)));
        store.recordIntent("r", new SubmissionIntent("late", now, t, null));
        store.recordIntent("r", new SubmissionIntent("never", now.minus(Duration.ofHours(2)), t, null));
        store.close(); // the writing process is gone

        DriverBackend b = backend();
        AtomicInteger calls = new AtomicInteger();
        when(b.findSubmittedByTags(any())).thenAnswer(inv -> {
            Map<String, BulkSubmitted> found = new HashMap<>();
            List<SubmissionIntent> asked = inv.getArgument(0);
            for (SubmissionIntent i : asked) {
                switch (i.tag()) {
                    case "single" -> found.put("single", new BulkSubmitted("7", List.of(queued("7"))));
                    case "bulk" -> found.put("bulk", new BulkSubmitted("8", List.of(queued("8_2"), queued("8_4"), queued("8_6"))));
                    case "late" -> {
                        if (calls.get() > 0) found.put("late", new BulkSubmitted("9", List.of(queued("9"))));
                    }
                    default -> { }
                }
            }
            calls.incrementAndGet();
            return Optional.of(found);
        });
        try (GenericSessionManager m = manager(b, 30_000)) {
            JobSession s = m.openJobSession("r");
            Set<String> ids = new TreeSet<>();
            for (Job j : s.getJobs(null)) ids.add(j.getJobId());
            assertEquals(Set.of("7", "8_2", "8_4", "8_6", "9"), ids);
            assertEquals(2, calls.get(), "the late submission was looked up again");
            assertEquals(List.of(2L, 4L, 6L), s.getJobArray("8").getJobs().stream()
                    .map(j -> ((GenericJob) j).record().taskIndex()).toList());
            assertEquals(t, s.getJobArray("8").getJobTemplate());
            assertTrue(m.store().pendingIntents("r").isEmpty());
        }
    }

    @Test
    void notFoundWithinTheGracePeriod_isDroppedAfterIt() {
        SessionStore store = new SessionStore(tmp);
        store.create("r", null);
        store.recordIntent("r", new SubmissionIntent("gone", Instant.now(), JobTemplate.builder("/bin/true").build(), null));
        store.close();
        DriverBackend b = backend();
        when(b.findSubmittedByTags(any())).thenReturn(Optional.of(Map.of()));
        long start = System.nanoTime();
        try (GenericSessionManager m = manager(b, 1500)) {
            assertTrue(m.openJobSession("r").getJobs(null).isEmpty());
            assertTrue(System.nanoTime() - start >= 1_000_000_000L, "reopen waited for the grace period");
            assertTrue(m.store().pendingIntents("r").isEmpty());
        }
    }

    @Test
    void backendThatCannotLookUp_leavesIntentsPending() {
        SessionStore store = new SessionStore(tmp);
        store.create("r", null);
        store.recordIntent("r", new SubmissionIntent("x", Instant.now(), JobTemplate.builder("/bin/true").build(), null));
        store.close();
        DriverBackend b = backend(); // the mock answers the default: Optional.empty()
        try (GenericSessionManager m = manager(b, 60_000)) {
            assertTrue(m.openJobSession("r").getJobs(null).isEmpty());
            assertEquals(1, m.store().pendingIntents("r").size());
        }
    }

    @Test
    void submission_recordsIntentThenJob_underOneTag() throws Exception {
        DriverBackend b = backend();
        when(b.submit(any())).thenAnswer(inv -> {
            org.drmaa2j.spi.backend.SubmitRequest r = inv.getArgument(0);
            assertTrue(r.tag() != null && r.tag().startsWith(org.drmaa2j.spi.store.SubmissionTags.sessionPart("r") + "."));
            assertEquals(1, new SessionStore(tmp).pendingIntents("r").size(), "the intent is on disk before the scheduler is asked");
            return queued("5");
        });
        try (GenericSessionManager m = manager(b, 60_000)) {
            m.createJobSession("r", null).runJob(JobTemplate.builder("/bin/true").build());
            assertTrue(m.store().pendingIntents("r").isEmpty());
            assertEquals("5", m.store().loadJobs("r").get(0).jobId());
        }
    }

    @Test
    void inProcessSubmission_ofAProcessThatIsGone_isDroppedAtOnce_oneOfALiveProcessIsWaitedFor() throws Exception {
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        OwnerProcess me = OwnerProcess.current();
        SessionStore store = new SessionStore(tmp);
        store.create("r", null);
        store.recordIntent("r", new SubmissionIntent("dead", Instant.now(), t, null, new OwnerProcess(me.host(), gone.pid(), 0)));
        store.recordIntent("r", new SubmissionIntent("alive", Instant.now(), t, null, me));
        store.close();
        DriverBackend b = backend();
        when(b.submitsInProcess()).thenReturn(true);
        AtomicInteger calls = new AtomicInteger();
        when(b.findSubmittedByTags(any())).thenAnswer(inv -> calls.getAndIncrement() == 0 ? Optional.of(Map.of())
                : Optional.of(Map.of("alive", new BulkSubmitted("3", List.of(queued("3"))))));
        try (GenericSessionManager m = manager(b, 60_000)) {
            JobSession s = m.openJobSession("r");
            assertEquals(List.of("3"), s.getJobs(null).stream().map(Job::getJobId).toList());
            assertEquals(2, calls.get(), "the gone process's submission was not waited for; the live one was looked up again");
            assertTrue(m.store().pendingIntents("r").isEmpty());
        }
    }
}
