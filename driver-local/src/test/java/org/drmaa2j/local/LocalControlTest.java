// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.Timeouts;
import org.junit.jupiter.api.Test;

class LocalControlTest extends LocalTestSupport {

    /** A job appending one line every 50 ms to a file (the job's child process does the writing). */
    private Job ticker(Path file) {
        return js.runJob(sh("while true; do echo x >> \"$1\"; /bin/sleep 0.05; done", file.toString()).build());
    }

    private static long lines(Path p) throws Exception {
        return Files.exists(p) ? Files.readAllLines(p).size() : 0;
    }

    private static void waitForLines(Path p, long n) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (lines(p) < n) {
            if (System.nanoTime() > end) throw new AssertionError("file did not grow to " + n + " lines");
            Thread.sleep(20);
        }
    }

    @Test
    void suspend_stopsTheProcess_resume_continuesIt() throws Exception {
        Path f = tmp.resolve("ticks");
        Job job = ticker(f);
        job.waitStarted(WAIT);
        waitForLines(f, 3);
        job.suspend();
        assertEquals(JobState.SUSPENDED, job.getState());
        Thread.sleep(150);
        long frozen = lines(f);
        Thread.sleep(500);
        assertEquals(frozen, lines(f), "a suspended job must not progress");
        job.resume();
        assertEquals(JobState.RUNNING, job.getState());
        waitForLines(f, frozen + 3);
        job.terminate();
        job.waitTerminated(WAIT);
    }

    @Test
    void suspend_queuedJob_isInvalidState_resume_runningJob_isInvalidState() {
        Job held = js.runJob(JobTemplate.builder("/bin/echo").submitAsHold(true).build());
        assertThrows(InvalidStateException.class, held::suspend);
        Job running = js.runJob(JobTemplate.builder("/bin/sleep").args("10").build());
        running.waitStarted(WAIT);
        assertThrows(InvalidStateException.class, running::resume);
        assertThrows(InvalidStateException.class, running::release);
        assertThrows(InvalidStateException.class, running::hold);
    }

    @Test
    void submitAsHold_doesNotStartUntilReleased() throws Exception {
        Path f = tmp.resolve("ran");
        Job job = js.runJob(sh("echo ran > \"$1\"", f.toString()).submitAsHold(true).build());
        assertEquals(JobState.QUEUED_HELD, job.getState());
        assertThrows(WaitTimeoutException.class, () -> job.waitStarted(Duration.ofMillis(700)));
        assertFalse(Files.exists(f), "a held job must not run");
        assertThrows(InvalidStateException.class, job::hold);
        job.release();
        job.waitTerminated(WAIT);
        assertEquals(JobState.DONE, job.getState());
        assertEquals("ran\n", read(f));
    }

    @Test
    void hold_queuedJob_keepsItFromStarting() throws Exception {
        Path f = tmp.resolve("ran");
        // a start time far enough ahead that even a loaded machine holds the job before it (milliseconds when idle)
        java.time.Instant start = java.time.Instant.now().plusSeconds(3);
        Job job = js.runJob(sh("echo ran > \"$1\"", f.toString()).startTime(start).build());
        assertEquals(JobState.QUEUED, job.getState());
        job.hold();
        assertEquals(JobState.QUEUED_HELD, job.getState());
        while (!java.time.Instant.now().isAfter(start.plusMillis(400))) Thread.sleep(50);
        assertFalse(Files.exists(f), "a held job must not start even after its start time");
        job.release();
        job.waitTerminated(WAIT);
        assertEquals("ran\n", read(f));
    }

    @Test
    void startTime_delaysTheStart() {
        java.time.Instant start = java.time.Instant.now().plusSeconds(3);
        Job job = js.runJob(JobTemplate.builder("/bin/echo").startTime(start).build());
        assertThrows(WaitTimeoutException.class, () -> job.waitStarted(Duration.ofMillis(300)));
        job.waitTerminated(WAIT);
        assertFalse(job.getJobInfo().getDispatchTime().isBefore(start));
    }

    @Test
    void terminate_runningJob_isFailedBySigterm_recordedByTheSupervisor() throws Exception {
        Path started = tmp.resolve("started");
        Job job = js.runJob(sh("echo up > \"$1\"; exec /bin/sleep 60", started.toString()).build());
        waitForLines(started, 1);
        job.terminate();
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("SIGTERM", i.getTerminatingSignal());
        assertNull(i.getExitStatus());
        assertEquals("TERMINATED", i.getJobSubState());
        assertNull(i.getAnnotation(), "the supervisor, outside the group, writes the record");
        job.terminate(); // terminating an ended job does nothing
    }

    @Test
    void terminate_jobIgnoringSigterm_isKilledAfterGrace() throws Exception {
        Path trapped = tmp.resolve("trapped");
        // the job says when its trap is set, so SIGTERM never arrives before it (however busy the machine)
        Job job = js.runJob(sh("trap '' TERM; echo trapped > \"$1\"; /bin/sleep 30 & wait; /bin/sleep 30", trapped.toString()).build());
        waitForLines(trapped, 1);
        job.terminate();
        job.waitTerminated(WAIT);
        assertEquals("SIGKILL", job.getJobInfo().getTerminatingSignal());
        assertEquals("TERMINATED", job.getSubState());
    }

    @Test
    void terminate_suspendedJob_ends() {
        Job job = js.runJob(JobTemplate.builder("/bin/sleep").args("60").build());
        job.waitStarted(WAIT);
        job.suspend();
        job.terminate();
        job.waitTerminated(WAIT);
        assertEquals(JobState.FAILED, job.getState());
    }

    @Test
    void controlRightAfterStart_reachesTheJob() {
        for (int i = 0; i < 5; i++) {
            Job job = js.runJob(JobTemplate.builder("/bin/sleep").args("60").build());
            job.waitStarted(WAIT);
            if (i % 2 == 0) {
                job.suspend();
                job.resume();
            }
            job.terminate();
            job.waitTerminated(WAIT);
            assertEquals(JobState.FAILED, job.getState());
            assertEquals("TERMINATED", job.getSubState());
        }
    }

    @Test
    void terminate_queuedJob_failsWithoutStarting() {
        Job job = js.runJob(JobTemplate.builder("/bin/echo").submitAsHold(true).build());
        job.terminate();
        assertEquals(JobState.FAILED, job.getState());
        assertEquals("TERMINATED", job.getSubState());
        assertNull(job.getJobInfo().getDispatchTime());
    }

    @Test
    void reap_onlyTerminated_thenJobIsGone() {
        Job job = js.runJob(JobTemplate.builder("/bin/sleep").args("10").build());
        assertThrows(InvalidStateException.class, job::reap);
        job.terminate();
        job.waitTerminated(WAIT);
        job.reap();
        assertThrows(InvalidArgumentException.class, job::getState);
        assertThrows(InvalidArgumentException.class, () -> job.waitTerminated(Timeouts.ZERO));
        assertTrue(js.getJobs(null).isEmpty());
        assertEquals(job.getJobId(), job.getJobId());
    }

    @Test
    void waits_doNotReap_andHonourZeroTimeout() {
        Job job = js.runJob(JobTemplate.builder("/bin/sleep").args("10").build());
        assertThrows(WaitTimeoutException.class, () -> job.waitTerminated(Timeouts.ZERO));
        job.waitStarted(WAIT);
        job.terminate();
        job.waitTerminated(Duration.ofSeconds(-1));
        assertEquals(job, job.waitTerminated(Timeouts.ZERO));
        assertEquals(1, js.getJobs(null).size());
    }

    @Test
    void closedSession_rejectsCalls_andEndsWaits() throws Exception {
        Job job = js.runJob(JobTemplate.builder("/bin/sleep").args("10").build());
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            js.close();
        });
        closer.start();
        assertThrows(InvalidSessionException.class, () -> job.waitTerminated(Timeouts.INFINITE));
        closer.join();
        assertThrows(InvalidSessionException.class, job::getState);
        assertThrows(InvalidSessionException.class, () -> js.getJobs(null));
        assertThrows(InvalidSessionException.class, () -> js.runJob(JobTemplate.builder("/bin/echo").build()));
        js = sm.openJobSession(js.getSessionName());
    }
}
