// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.Test;

class LocalExitTest extends LocalTestSupport {

    @Test
    void exitZero_isDone_withFullJobInfo() {
        Instant before = Instant.now();
        Job job = js.runJob(JobTemplate.builder("/bin/echo").args("hi").build());
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
        assertEquals("COMPLETED", i.getJobSubState());
        assertEquals("local", i.getQueueName());
        assertEquals(System.getProperty("user.name"), i.getJobOwner());
        assertEquals(1L, i.getSlots());
        assertEquals(1, i.getAllocatedMachines().size());
        assertEquals(i.getSubmissionMachine(), i.getAllocatedMachines().get(0));
        assertEquals("echo", i.getJobName());
        assertNotNull(i.getCpuTime());
        assertNotNull(i.getWallclockTime());
        assertTrue(!i.getSubmissionTime().isBefore(before.minusSeconds(1)));
        assertTrue(!i.getDispatchTime().isBefore(i.getSubmissionTime()));
        assertTrue(!i.getFinishTime().isBefore(i.getDispatchTime()));
    }

    @Test
    void exitThree_isFailed_withExitStatus() {
        Job job = js.runJob(sh("exit 3").build());
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
        assertEquals("EXITED", i.getJobSubState());
    }

    @Test
    void exit137_isAnExitStatus_notASignal() {
        Job job = js.runJob(sh("exit 137").build());
        job.waitTerminated(WAIT);
        assertEquals(137, job.getJobInfo().getExitStatus());
        assertNull(job.getJobInfo().getTerminatingSignal());
    }

    @Test
    void killedBySigkill_isFailed_withSignal() {
        Job job = js.runJob(sh("kill -9 $$").build());
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("SIGKILL", i.getTerminatingSignal());
        assertNull(i.getExitStatus());
        assertEquals("SIGNALED", i.getJobSubState());
    }

    @Test
    void missingCommand_failsToStart_sayingWhy() {
        Job job = js.runJob(JobTemplate.builder("/nonexistent/command").build());
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("START_FAILED", i.getJobSubState());
        assertTrue(i.getAnnotation().contains("/nonexistent/command") && i.getAnnotation().contains("No such file"), i.getAnnotation());
        assertNull(i.getExitStatus());
    }

    @Test
    void missingWorkingDirectory_failsToStart_sayingWhy() {
        Job job = js.runJob(JobTemplate.builder("/bin/true").workingDirectory(tmp.resolve("none").toString()).build());
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals("START_FAILED", i.getJobSubState());
        assertTrue(i.getAnnotation().contains("working directory " + tmp.resolve("none")), i.getAnnotation());
    }

    @Test
    void cpuTime_isMeasured() {
        Job job = js.runJob(sh("i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").build());
        job.waitTerminated(WAIT);
        assertEquals(JobState.DONE, job.getState());
        assertTrue(job.getJobInfo().getCpuTime().toMillis() > 0, job.getJobInfo().getCpuTime().toString());
    }

    @Test
    void waitAnyTerminated_returnsTheFirstToEnd() {
        Job slow = js.runJob(JobTemplate.builder("/bin/sleep").args("10").build());
        Job fast = js.runJob(JobTemplate.builder("/bin/echo").build());
        assertEquals(fast, js.waitAnyTerminated(List.of(slow, fast), WAIT));
        assertEquals(JobState.RUNNING, slow.getState());
    }
}
