// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionJournalTest {
    @TempDir
    Path tmp;

    private static JobRecord job(String id, JobState state) {
        return new JobRecord(id, "s", null, 1, JobTemplate.builder("/bin/true").jobName("n" + id).build(),
                JobInfo.builder().jobId(id).jobState(state).build(), Map.of());
    }

    private SessionStore store() {
        SessionStore store = new SessionStore(tmp);
        if (!store.exists("s")) store.create("s", null);
        return store;
    }

    private Path journal() {
        return tmp.resolve("sessions/s/journal.log");
    }

    @Test
    void intent_isPendingUntilItsJobIsRecorded_orDropped() {
        SessionStore store = store();
        JobTemplate t = JobTemplate.builder("/bin/sleep").args("1").jobName("x").build();
        store.recordIntent("s", new SubmissionIntent("a.1", Instant.ofEpochMilli(1000), t, null));
        store.recordIntent("s", new SubmissionIntent("a.2", Instant.ofEpochMilli(2000), t, new BulkRange(1, 3, 2, 0)));
        store.recordIntent("s", new SubmissionIntent("a.3", Instant.ofEpochMilli(3000), t, null));
        List<SubmissionIntent> pending = new SessionStore(tmp).pendingIntents("s"); // as another process sees them
        assertEquals(List.of("a.1", "a.2", "a.3"), pending.stream().map(SubmissionIntent::tag).toList());
        assertEquals(new BulkRange(1, 3, 2, 0), pending.get(1).range());
        assertEquals(t, pending.get(1).template());
        store.recordSubmitted("a.1", List.of(new JobRecord("7", "s", null, 1, t, JobInfo.builder().jobId("7").jobState(JobState.QUEUED).build(), Map.of())));
        store.dropIntent("s", "a.3", "refused");
        assertEquals(List.of("a.2"), new SessionStore(tmp).pendingIntents("s").stream().map(SubmissionIntent::tag).toList());
        assertEquals(t, store.loadJob("s", "7").orElseThrow().template(), "the job line borrows the intent's template");
        store.close();
        assertEquals(t, new SessionStore(tmp).loadJob("s", "7").orElseThrow().template(), "and compaction keeps it");
        assertEquals(1, new SessionStore(tmp).pendingIntents("s").size());
    }

    @Test
    void submissionUnderWayInThisProcess_isNotPendingHere_butIsForOthers() {
        SessionStore here = store();
        here.recordIntent("s", new SubmissionIntent("w.1", Instant.now(), JobTemplate.builder("/bin/true").build(), null));
        assertTrue(here.pendingIntents("s").isEmpty(), "its own submission under way is not this process's to resolve");
        assertEquals(1, new SessionStore(tmp).pendingIntents("s").size(), "another process sees the intent");
        here.leavePending("w.1"); // the scheduler's answer was lost
        assertEquals(1, here.pendingIntents("s").size());
    }

    @Test
    void creation_isAllOrNothing_andALeftoverHalfSessionDoesNotBlockTheName() throws Exception {
        SessionStore store = new SessionStore(tmp);
        Files.createDirectories(tmp.resolve("sessions/half/markers")); // what an interrupted creation used to leave
        assertFalse(store.exists("half"));
        store.create("half", "c");
        assertEquals("c", store.open("half").contact());
        assertThrows(org.drmaa2j.SessionManagementException.class, () -> store.create("half", null));
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(ex.submit(() -> {
                    try {
                        new SessionStore(tmp).create("race", null);
                        return true;
                    } catch (org.drmaa2j.SessionManagementException e) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (var f : tries) if (f.get()) won++;
            assertEquals(1, won, "exactly one creator wins");
        } finally {
            ex.shutdownNow();
        }
        assertEquals(List.of("half", "race"), store.names());
    }

    @Test
    void recordsOfTheOlderOneFilePerJobStore_areReadAndFoldedIntoTheJournal() throws Exception {
        SessionStore store = store();
        Path jobs = Files.createDirectory(tmp.resolve("sessions/s/jobs"));
        for (String id : List.of("1", "2", "3")) {
            JobRecord r = job(id, JobState.QUEUED);
            com.fasterxml.jackson.databind.node.ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("jobId", id);
            n.put("sessionName", "s");
            n.put("taskIndex", 1);
            n.set("template", TemplateJson.toJson(r.template()));
            n.set("info", JobInfoJson.toJson(r.info()));
            Files.write(jobs.resolve(id + ".json"), Json.MAPPER.writeValueAsBytes(n));
        }
        assertEquals(List.of("1", "2", "3"), store.loadJobs("s").stream().map(JobRecord::jobId).toList());
        store.saveJob(job("2", JobState.DONE)); // opening the journal compacts: the old records move in
        store.deleteJob("s", "3");
        assertFalse(Files.exists(jobs));
        List<JobRecord> now = new SessionStore(tmp).loadJobs("s");
        assertEquals(List.of("1", "2"), now.stream().map(JobRecord::jobId).toList());
        assertEquals(JobState.DONE, now.get(1).info().getJobState());
        assertEquals("n1", now.get(0).template().getJobName());
    }

    @Test
    void tornLastLine_isIgnored_andTheNextWriterStartsAFreshLine() throws Exception {
        SessionStore first = store();
        first.saveJob(job("1", JobState.QUEUED));
        first.saveJob(job("2", JobState.QUEUED));
        // a process killed in the middle of a write: no close, half a line
        Files.write(journal(), "{\"e\":\"job\",\"id\":\"3\",\"ind".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertEquals(List.of("1", "2"), new SessionStore(tmp).loadJobs("s").stream().map(JobRecord::jobId).toList());

        SessionStore second = new SessionStore(tmp);
        second.saveJob(job("1", JobState.RUNNING)); // first still holds its claim: no compaction, plain append
        second.saveJob(job("4", JobState.QUEUED));
        List<JobRecord> jobs = new SessionStore(tmp).loadJobs("s");
        assertEquals(List.of("1", "2", "4"), jobs.stream().map(JobRecord::jobId).toList());
        assertEquals(JobState.RUNNING, jobs.get(0).info().getJobState());
    }

    @Test
    void events_ofTwoWriters_interleave_andNeitherCompactsUnderTheOther() throws Exception {
        SessionStore a = store();
        SessionStore b = new SessionStore(tmp);
        a.saveJob(job("1", JobState.QUEUED));
        b.saveJob(job("2", JobState.QUEUED));
        a.saveJob(job("3", JobState.QUEUED));
        b.deleteJob("s", "1");
        a.closeSession("s"); // b writes: a must not rewrite the file under it
        b.saveJob(job("2", JobState.DONE));
        List<JobRecord> jobs = new SessionStore(tmp).loadJobs("s");
        assertEquals(List.of("2", "3"), jobs.stream().map(JobRecord::jobId).toList());
        assertEquals(JobState.DONE, jobs.get(0).info().getJobState());
        b.closeSession("s"); // now alone: compacts
        List<String> lines = Files.readAllLines(journal());
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(jobs, new SessionStore(tmp).loadJobs("s"));
    }

    @Test
    void claimOfAProcessThatIsGone_doesNotBlockCompaction() throws Exception {
        SessionStore store = store();
        for (int i = 0; i < 5; i++) store.saveJob(job("1", i % 2 == 0 ? JobState.QUEUED : JobState.RUNNING));
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path claim = tmp.resolve("sessions/s/writers/dead");
        Files.writeString(claim, InetAddress.getLocalHost().getHostName() + "\n" + p.pid() + "\n");
        store.closeSession("s");
        assertFalse(Files.exists(claim), "the dead process's claim is removed");
        assertEquals(1, Files.readAllLines(journal()).size());
        assertEquals(JobState.QUEUED, store.loadJobs("s").get(0).info().getJobState());
    }

    @Test
    void destroyedSession_takesItsOpenJournalAlong() {
        SessionStore store = store();
        store.saveJob(job("1", JobState.QUEUED));
        store.destroy("s");
        store.saveJob(job("1", JobState.DONE)); // a late status update: nothing to write to, no failure
        assertFalse(Files.exists(tmp.resolve("sessions/s")));
        assertTrue(store.loadJobs("s").isEmpty());
    }
}
