// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

class ReapedJobInfoTest {
    /** Grid Engine 8.1.9's drmaa_wait rusage for `exit 3` (selection, values as printed). */
    private static final Map<String, String> GE_EXIT3 = Map.of("submission_time", "1795301855.0000",
            "start_time", "1795301856.0000", "end_time", "1795301858.0000", "ru_wallclock", "2.0000",
            "cpu", "0.0095", "exit_status", "3.0000", "signal", "0.0000", "maxvmem", "0.0000");

    @Test
    void exit0_isDone_withTimesFromRusage() {
        JobInfo base = JobInfo.builder().jobId("7").jobName("n").jobOwner("u").build();
        JobInfo i = ReapedJobInfo.of(new WaitResult("7", true, 0, false, null, false, false, Map.of(
                "start_time", "1795301856.0000", "end_time", "1795301858.5000", "ru_wallclock", "2.5000", "cpu", "0.25")), base);
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertEquals("n", i.getJobName());
        assertEquals("u", i.getJobOwner());
        assertEquals(Instant.ofEpochSecond(1795301856), i.getDispatchTime());
        assertEquals(Instant.ofEpochSecond(1795301858, 500_000_000), i.getFinishTime());
        assertEquals(Duration.ofMillis(2500), i.getWallclockTime());
        assertEquals(Duration.ofMillis(250), i.getCpuTime());
        assertEquals("2.5000", i.getExtensions().get("rusage.ru_wallclock"));
    }

    @Test
    void exit3_isFailedWithStatus3() {
        JobInfo i = ReapedJobInfo.of(new WaitResult("8", true, 3, false, null, false, false, GE_EXIT3), null);
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
        assertEquals(Instant.ofEpochSecond(1795301855), i.getSubmissionTime());
    }

    @Test
    void signaled_isFailedWithTheSignalName() {
        JobInfo i = ReapedJobInfo.of(new WaitResult("9", false, null, true, "SIGKILL", false, false, Map.of()), null);
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("SIGKILL", i.getTerminatingSignal());
        assertNull(i.getExitStatus());
        assertEquals("SIGTERM", ReapedJobInfo.normaliseSignal("15"));
        assertEquals("SIGKILL", ReapedJobInfo.normaliseSignal("KILL"));
    }

    @Test
    void aborted_isFailed_evenWithExitZero() {
        JobInfo queued = ReapedJobInfo.of(new WaitResult("10", false, null, false, null, false, true, Map.of()), null);
        assertEquals(JobState.FAILED, queued.getJobState());
        assertEquals("ABORTED", queued.getJobSubState());
        JobInfo ran = ReapedJobInfo.of(new WaitResult("11", false, null, false, null, false, true,
                Map.of("start_time", "1795302007.0000", "exit_status", "137.0000")), null);
        assertEquals("SIGKILL", ran.getTerminatingSignal());
        assertNotNull(ran.getAnnotation());
    }

    @Test
    void neitherExitedNorSignaled_fallsBackToRusage() {
        JobInfo i = ReapedJobInfo.of(new WaitResult("12", false, null, false, null, false, false, GE_EXIT3), null);
        assertEquals(3, i.getExitStatus());
        JobInfo none = ReapedJobInfo.of(new WaitResult("13", false, null, false, null, false, false, Map.of()), null);
        assertEquals(JobState.FAILED, none.getJobState());
        assertNotNull(none.getAnnotation());
    }

    @Test
    void times_inSecondsMillisOrMicros() {
        Instant t = Instant.ofEpochSecond(1795301856);
        assertEquals(t, ReapedJobInfo.time("1795301856"));
        assertEquals(t, ReapedJobInfo.time("1795301856000"));
        assertEquals(t, ReapedJobInfo.time("1795301856000000"));
        assertNull(ReapedJobInfo.time("0.0000"));
        assertNull(ReapedJobInfo.time("n/a"));
    }
}
