// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.junit.jupiter.api.Test;

/** The driver's own squeue format, read against what Slurm 22.05's controller prints for finished jobs. */
class SlurmSqueueExitCodeTest {
    private static final Map<String, JobInfo> JOBS = read();

    private static Map<String, JobInfo> read() {
        DelimitedTable t = DelimitedTable.withColumns(Samples.read("drmaa2j_squeue_states_all_Format_exit_code.txt"), "|",
                SlurmJobRows.SQUEUE_COLUMNS);
        assertTrue(t.malformed().isEmpty(), () -> "malformed: " + t.malformed());
        Map<String, JobInfo> out = new HashMap<>();
        for (Map<String, String> row : t.rows()) {
            JobInfo i = SlurmJobRows.toJobInfo(row, ZoneId.of("UTC"));
            out.put(i.getJobId(), i);
        }
        return out;
    }

    @Test
    void exitCodes_comeFromTheControllerUnclipped() {
        assertEquals(JobState.FAILED, JOBS.get("1").getJobState());
        assertEquals(3, JOBS.get("1").getExitStatus());
        assertEquals(255, JOBS.get("2").getExitStatus());
        assertEquals(255, JOBS.get("6").getExitStatus());
        assertEquals(130, JOBS.get("7").getExitStatus());
        assertNull(JOBS.get("7").getTerminatingSignal());
        assertEquals(JobState.DONE, JOBS.get("4").getJobState());
        assertEquals(0, JOBS.get("4").getExitStatus());
    }

    @Test
    void signals_areReportedWithoutExitStatus() {
        JobInfo killed = JOBS.get("3");
        assertEquals(JobState.FAILED, killed.getJobState());
        assertEquals("SIGKILL", killed.getTerminatingSignal());
        assertNull(killed.getExitStatus());
        assertEquals("SIGTERM", JOBS.get("8").getTerminatingSignal());
        JobInfo cancelled = JOBS.get("5");
        assertEquals(JobState.FAILED, cancelled.getJobState());
        assertEquals("CANCELLED", cancelled.getJobSubState());
        assertEquals("SIGTERM", cancelled.getTerminatingSignal());
    }

    @Test
    void finishedJobs_keepTimesMachinesQueueAndSlots() {
        JobInfo c = JOBS.get("5");
        assertEquals(Instant.ofEpochSecond(1795313808), c.getSubmissionTime());
        assertEquals(Instant.ofEpochSecond(1795313809), c.getDispatchTime());
        assertEquals(Instant.ofEpochSecond(1795313827), c.getFinishTime());
        assertEquals(Duration.ofSeconds(18), c.getWallclockTime());
        assertEquals(List.of("localhost"), c.getAllocatedMachines());
        assertEquals("debug", c.getQueueName());
        assertEquals(1L, c.getSlots());
        assertEquals("drmaa", c.getJobOwner());
    }

    @Test
    void cancelledWhilePending_neverRan() {
        JobInfo j = JOBS.get("11");
        assertEquals(JobState.FAILED, j.getJobState());
        assertNull(j.getDispatchTime());
        assertTrue(j.getAllocatedMachines().isEmpty());
        assertEquals(Instant.ofEpochSecond(1795313842), j.getFinishTime());
    }

    @Test
    void liveJobs_haveNoExitStatus_andHeldJobsAreHeld() {
        JobInfo running = JOBS.get("9");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertNull(running.getExitStatus());
        assertNull(running.getFinishTime());
        assertEquals(JobState.QUEUED_HELD, JOBS.get("10").getJobState());
        assertTrue(JOBS.get("10").getJobName().endsWith("x|a b"), JOBS.get("10").getJobName());
        assertEquals(124, JOBS.get("10").getJobName().length());
        assertEquals(JobState.QUEUED_HELD, JOBS.get("13_2").getJobState());
    }

    @Test
    void arrayTasks_eachHaveTheirOwnCode() {
        assertEquals(1, JOBS.get("12_1").getExitStatus());
        assertEquals(2, JOBS.get("12_2").getExitStatus());
        assertEquals(3, JOBS.get("12_3").getExitStatus());
    }

    @Test
    void waitStatus_decodesAndRefusesWhatIsNotOne() {
        assertArrayEquals(new int[] {3, 0}, SlurmJobRows.waitStatus("768"));
        assertArrayEquals(new int[] {0, 9}, SlurmJobRows.waitStatus("9"));
        assertNull(SlurmJobRows.waitStatus("4294967294"));
        assertNull(SlurmJobRows.waitStatus("-1"));
        assertNull(SlurmJobRows.waitStatus("N/A"));
        assertNull(SlurmJobRows.waitStatus(""));
    }
}
