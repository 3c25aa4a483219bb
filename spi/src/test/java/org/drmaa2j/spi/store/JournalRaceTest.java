// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManagementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes racing a destroy or a compaction ({@link JournalWriters}): a destroyed session's late
 * records are dropped on purpose and never bring its directory back; a live session's records are
 * never lost, whatever compacts meanwhile.
 */
class JournalRaceTest {
    private static final int THREADS = 4;
    @TempDir
    Path tmp;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static JobRecord job(String session, String id, JobState state) {
        return new JobRecord(id, session, null, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId(id).jobState(state).build(), Map.of());
    }

    @Test
    void lateRecords_ofADestroyedSession_areDroppedOnPurpose_andNeverRecreateIt() throws Exception {
        SessionStore store = new SessionStore(tmp);
        store.create("s", null);
        AtomicBoolean destroyed = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(THREADS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                int n = 0;
                boolean after = false;
                while (!after) {
                    after = destroyed.get(); // one more round once the destroy has returned
                    store.saveJob(job("s", thread + "-" + n, n % 2 == 0 ? JobState.RUNNING : JobState.DONE));
                    if (n++ == 20) writing.countDown();
                }
                return n;
            }));
        }
        assertTrue(writing.await(60, TimeUnit.SECONDS));
        store.destroy("s");
        destroyed.set(true);
        for (Future<Integer> f : writers) f.get(60, TimeUnit.SECONDS); // no write failed
        assertTrue(store.droppedLateRecords() >= THREADS, "every writer's last record was dropped: " + store.droppedLateRecords());
        assertFalse(Files.exists(tmp.resolve("sessions/s")), "the destroyed session's directory did not come back");
        assertFalse(store.exists("s"));
        assertEquals(List.of(), store.names());
        SubmissionIntent intent = new SubmissionIntent("t.1", Instant.now(), JobTemplate.builder("/bin/true").build(), null);
        assertThrows(SessionManagementException.class, () -> store.recordIntent("s", intent), "nothing is submitted into it");
        assertThrows(SessionManagementException.class, () -> store.recordSubmitted("t.1", List.of(job("s", "x", JobState.QUEUED))),
                "a submission that ends after the destroy is refused, so that its caller ends the job");

        store.create("s", null); // the same name again: a new session, written normally
        store.saveJob(job("s", "new", JobState.QUEUED));
        assertEquals(List.of("new"), new SessionStore(tmp).loadJobs("s").stream().map(JobRecord::jobId).toList());
    }

    @Test
    void destroyByAnotherProcess_dropsTheLateRecordsOfThisOne_withoutRecreatingTheDirectory() throws Exception {
        SessionStore here = new SessionStore(tmp);
        here.create("s", null);
        here.saveJob(job("s", "1", JobState.RUNNING));
        here.closeSession("s");
        new SessionStore(tmp).destroy("s"); // as another process
        here.saveJob(job("s", "1", JobState.DONE)); // the job's end, too late
        here.deleteJob("s", "1");
        assertEquals(2, here.droppedLateRecords());
        assertFalse(Files.exists(tmp.resolve("sessions/s")));
    }

    @Test
    void writesRacingCompactions_ofALiveSession_areNeverLost() throws Exception {
        SessionStore store = new SessionStore(tmp);
        store.create("s", null);
        SessionStore other = new SessionStore(tmp); // a second writer, as another process would be
        int perThread = 150;
        AtomicBoolean done = new AtomicBoolean();
        Future<Integer> compactor = pool.submit(() -> {
            int n = 0;
            while (!done.get()) {
                store.closeSession("s"); // compacts whenever this store is the only writer
                other.saveJob(job("s", "other-" + n, JobState.QUEUED));
                other.closeSession("s");
                n++;
            }
            return n;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    store.saveJob(job("s", thread + "-" + i, JobState.QUEUED));
                    store.saveJob(job("s", thread + "-" + i, JobState.DONE));
                }
                return null;
            }));
        }
        for (Future<?> f : writers) f.get(120, TimeUnit.SECONDS);
        done.set(true);
        int others = compactor.get(60, TimeUnit.SECONDS);
        store.close();
        Map<String, JobRecord> all = new java.util.HashMap<>();
        for (JobRecord r : new SessionStore(tmp).loadJobs("s")) all.put(r.jobId(), r);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < perThread; i++) {
                JobRecord r = all.get(t + "-" + i);
                assertTrue(r != null, "job " + t + "-" + i + " was lost");
                assertEquals(JobState.DONE, r.info().getJobState(), "the last record of " + r.jobId());
            }
        }
        for (int n = 0; n < others; n++) assertTrue(all.containsKey("other-" + n), "other-" + n + " was lost");
        assertEquals(THREADS * perThread + others, all.size());
        assertEquals(0, store.droppedLateRecords() + other.droppedLateRecords());
    }
}
