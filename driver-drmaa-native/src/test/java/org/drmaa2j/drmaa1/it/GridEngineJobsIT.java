// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.SessionManager;
import org.drmaa2j.Extensions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real jobs on Grid Engine through libdrmaa. Runs INSIDE a Grid Engine container (the library and
 * the qmaster must be local): see {@link GridEngineInContainerIT}, which starts the container and
 * runs this class there.
 */
class GridEngineJobsIT {
    private static final Duration LONG = Duration.ofMinutes(5); // a safety cap on waits for short jobs
    private static SessionManager sm;
    private static JobSession s;
    @TempDir
    static Path state;

    @BeforeAll
    static void open() {
        sm = Drmaa2.getProvider("drmaa-native").createSessionManager(Map.of("drmaa2j.stateDir", state.toString()));
        s = sm.createJobSession("ge-it", null);
        System.out.println("DRMS: " + sm.getDrmsName() + " " + sm.getDrmsVersion() + ", contact " + s.getContact());
    }

    @AfterAll
    static void close() {
        if (sm != null) sm.close();
    }

    private static JobTemplate.Builder sh(String script) {
        return JobTemplate.builder("/bin/sh").args("-c", script).outputPath("/dev/null").joinFiles(true);
    }

    private static void show(String what, JobInfo i) {
        System.out.println(what + ": " + i + " annotation=" + i.getAnnotation() + " wallclock=" + i.getWallclockTime()
                + " cpu=" + i.getCpuTime() + " extensions=" + i.getExtensions());
    }

    @Test
    void exit3_isFailedWithExitStatus3() {
        Job j = s.runJob(sh("exit 3").build());
        j.waitTerminated(LONG);
        JobInfo i = j.getJobInfo();
        show("exit 3", i);
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
    }

    @Test
    void exit0_isDone_withUsageCachedFromDrmaaWait() {
        Job j = s.runJob(sh("sleep 1").build());
        j.waitTerminated(LONG);
        JobInfo i = j.getJobInfo();
        show("exit 0", i);
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertNotNull(i.getDispatchTime(), "start_time from drmaa_wait's rusage");
        assertNotNull(i.getFinishTime());
        assertNotNull(i.getWallclockTime());
        assertTrue(i.getWallclockTime().compareTo(Duration.ofMillis(900)) >= 0, "ru_wallclock >= 1 s: " + i.getWallclockTime());
        assertTrue(i.getExtensions().containsKey("rusage.ru_wallclock"), i.getExtensions().toString());
        // drmaa_wait reaped the job in the library: asking again is answered from the cache, the same
        JobInfo again = j.getJobInfo();
        assertEquals(i.getExitStatus(), again.getExitStatus());
        assertEquals(i.getFinishTime(), again.getFinishTime());
        // DRMAA2 waits never reap: the job is still in the session until reap()
        assertTrue(s.getJobs(null).stream().anyMatch(x -> x.getJobId().equals(j.getJobId())));
        j.reap();
        assertFalse(s.getJobs(null).stream().anyMatch(x -> x.getJobId().equals(j.getJobId())));
    }

    @Test
    void killMinus9_isFailedWithSigkill() {
        Job j = s.runJob(sh("kill -9 $$").build());
        j.waitTerminated(LONG);
        JobInfo i = j.getJobInfo();
        show("kill -9", i);
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("SIGKILL", i.getTerminatingSignal());
    }

    @Test
    void submitAsHold_thenRelease_runsToDone() {
        Job j = s.runJob(sh("exit 0").submitAsHold(true).build());
        assertEquals(JobState.QUEUED_HELD, j.getState());
        sleep(3000);
        assertEquals(JobState.QUEUED_HELD, j.getState(), "still held after 3 s: " + j.getJobInfo());
        System.out.println("held: " + j.getJobInfo());
        j.release();
        j.waitTerminated(LONG);
        show("released", j.getJobInfo());
        assertEquals(JobState.DONE, j.getState());
    }

    @Test
    void holdQueuedJob_thenRelease_thenTerminate() {
        // 100 TiB of free memory: a valid request no host meets, so the job stays queued (qw)
        Job j = s.runJob(sh("exit 0").minPhysMemory(100L << 30).build());
        sleep(2000);
        assertEquals(JobState.QUEUED, j.getState(), "an unsatisfiable job waits: " + j.getJobInfo());
        j.hold();
        awaitState(j, JobState.QUEUED_HELD);
        System.out.println("held by drmaa_control: " + j.getJobInfo());
        j.release();
        awaitState(j, JobState.QUEUED);
        j.terminate();
        j.waitTerminated(LONG);
        show("terminated while queued", j.getJobInfo());
        assertEquals(JobState.FAILED, j.getState());
    }

    @Test
    void startTimeAhead_isHeldBySystemUntilThen() {
        // Grid Engine reports a job waiting for its -a start time as a system hold
        Job j = s.runJob(sh("exit 0").startTime(Instant.now().plusSeconds(600)).build());
        awaitState(j, JobState.QUEUED_HELD);
        System.out.println("start time ahead: " + j.getJobInfo());
        assertEquals("SYSTEM_ON_HOLD", j.getSubState());
        j.terminate();
        j.waitTerminated(LONG);
        assertEquals(JobState.FAILED, j.getState());
    }

    @Test
    void suspendResume_thenTerminate() {
        Job j = s.runJob(sh("sleep 120").build());
        j.waitStarted(LONG);
        assertEquals(JobState.RUNNING, j.getState());
        j.suspend();
        awaitState(j, JobState.SUSPENDED);
        System.out.println("suspended: " + j.getJobInfo());
        j.resume();
        awaitState(j, JobState.RUNNING);
        System.out.println("resumed: " + j.getJobInfo());
        long t0 = System.nanoTime();
        j.terminate();
        j.waitTerminated(LONG);
        show("terminated while running", j.getJobInfo());
        System.out.println("terminate → FAILED seen after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(JobState.FAILED, j.getState());
    }

    @Test
    void bulkJob_indexInArgumentsAndPaths() throws Exception {
        Path shared = Path.of(System.getProperty("user.home"), "bulk-" + System.nanoTime());
        Files.createDirectories(shared);
        JobArray a = s.runBulkJobs(JobTemplate.builder("/bin/echo").args("task", Placeholders.PARAMETRIC_INDEX)
                .outputPath(shared + "/out." + Placeholders.PARAMETRIC_INDEX).build(), 1, 5, 2, 2);
        System.out.println("array " + a.getJobArrayId() + ": " + a.getJobs().stream().map(Job::getJobId).toList());
        assertEquals(3, a.getJobs().size());
        for (Job j : a.getJobs()) {
            j.waitTerminated(LONG);
            assertEquals(JobState.DONE, j.getState(), j.getJobInfo().toString());
        }
        for (int i : new int[] {1, 3, 5}) {
            String text = Files.readString(shared.resolve("out." + i)).strip();
            System.out.println("out." + i + ": " + text);
            assertEquals("task " + i, text);
        }
    }

    @Test
    void capabilities_areHonest() {
        assertTrue(sm.supports(Capability.JOB_SUSPEND));
        assertTrue(sm.supports(Capability.JOB_HOLD));
        assertTrue(sm.supports(Capability.BULK_JOBS_MAXPARALLEL));
        assertFalse(sm.supports(Capability.ADVANCE_RESERVATION));
        assertFalse(sm.supports(Capability.MONITORING));
    }

    @Test
    void nativeOptions_rejectedByGridEngine_carryItsWords() {
        JobTemplate t = sh("exit 0").extension(Extensions.NATIVE_OPTIONS, "-l no_such_resource=1").build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> s.runJob(t));
        System.out.println("rejected: " + e);
        assertTrue(e.getMessage().contains("drmaa_run_job") || e.getMessage().contains("no_such_resource"), e.getMessage());
    }

    @Test
    void anotherContact_isRefused() {
        assertThrows(RuntimeException.class, () -> sm.createJobSession("other", "session=nonsense"));
    }

    @Test
    void queueName_unknownQueue_isDenied() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> s.runJob(sh("exit 0").queueName("no.such.q").build()));
        System.out.println("unknown queue: " + e);
        assertFalse(e instanceof InvalidArgumentException && e.getMessage() == null);
    }

    /** Polls the job until it is in the state; the bound is a safety cap (Grid Engine takes a second or two). */
    private static void awaitState(Job j, JobState want) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (j.getState() != want && System.nanoTime() < deadline) sleep(250);
        assertEquals(want, j.getState(), j.getJobInfo().toString());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
