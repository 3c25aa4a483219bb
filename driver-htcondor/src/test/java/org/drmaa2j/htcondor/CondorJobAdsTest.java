// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.UnreadableOutputException;
import org.junit.jupiter.api.Test;

/** The job ads recorded from the real pool, read as the status query reads them. */
class CondorJobAdsTest {
    static Map<String, JobInfo> infos(String sample) {
        Map<String, JobInfo> out = new LinkedHashMap<>();
        for (var ad : CondorJobAds.parse(Samples.read(sample), "condor_q")) out.put(CondorJobAds.jobId(ad), CondorJobAds.toJobInfo(ad));
        return out;
    }

    @Test
    void history_endedJobs() {
        Map<String, JobInfo> h = infos("condor_history_json");
        JobInfo done = h.get("1.0");
        assertEquals(JobState.DONE, done.getJobState());
        assertEquals(0, done.getExitStatus());
        assertEquals("tck done \"quoted\" 'single' $HOME äöü", done.getJobName());
        assertEquals("Completed", done.getJobSubState());
        assertEquals(List.of("localhost"), done.getAllocatedMachines());
        assertEquals("drmaa", done.getJobOwner());
        assertEquals("localhost", done.getSubmissionMachine());
        assertEquals(Instant.ofEpochSecond(1796553159), done.getSubmissionTime());
        assertEquals(Instant.ofEpochSecond(1796553177), done.getDispatchTime());
        assertEquals(Instant.ofEpochSecond(1796553190), done.getFinishTime());
        assertEquals(1L, done.getSlots());

        assertEquals(JobState.FAILED, h.get("2.0").getJobState());
        assertEquals(3, h.get("2.0").getExitStatus());
        assertEquals(255, h.get("3.0").getExitStatus());

        JobInfo killed = h.get("4.0");
        assertEquals(JobState.FAILED, killed.getJobState());
        assertNull(killed.getExitStatus());
        assertEquals("SIGKILL", killed.getTerminatingSignal());

        JobInfo removed = h.get("7.0");
        assertEquals(JobState.FAILED, removed.getJobState());
        assertEquals("Removed", removed.getJobSubState());
        assertEquals("via condor_rm (by user drmaa)", removed.getAnnotation());
        assertEquals(Instant.ofEpochSecond(1796553405), removed.getFinishTime());

        JobInfo neverRan = h.get("8.0");
        assertEquals(JobState.FAILED, neverRan.getJobState());
        assertTrue(neverRan.getAllocatedMachines().isEmpty());
        assertNull(neverRan.getDispatchTime());

        JobInfo wallclock = h.get("10.0");
        assertEquals(JobState.FAILED, wallclock.getJobState());
        assertTrue(wallclock.getAnnotation().startsWith("wall-clock limit exceeded"), wallclock.getAnnotation());

        for (String task : List.of("5.0", "5.1", "5.2")) assertEquals(JobState.DONE, h.get(task).getJobState());
    }

    @Test
    void queue_heldBySystemOrUser_suspended() {
        Map<String, JobInfo> q = infos("condor_q_json_suspended_held");
        JobInfo submittedHeld = q.get("6.0");
        assertEquals(JobState.QUEUED_HELD, submittedHeld.getJobState());
        assertEquals("held by the user: submitted on hold at user's request", submittedHeld.getAnnotation());

        assertEquals(JobState.SUSPENDED, q.get("7.0").getJobState());
        JobInfo heldWhileRunning = q.get("7.1");
        assertEquals(JobState.REQUEUED_HELD, heldWhileRunning.getJobState());
        assertEquals("held by the user: via condor_hold (by user drmaa)", heldWhileRunning.getAnnotation());
        assertNull(heldWhileRunning.getTerminatingSignal(), "a held job has not ended");

        JobInfo system = q.get("8.0");
        assertEquals(JobState.QUEUED_HELD, system.getJobState());
        assertTrue(system.getAnnotation().startsWith("held by the system (HoldReasonCode 7): Error from slot1_2@localhost: Failed to open"),
                system.getAnnotation());

        JobInfo listed = q.get("9.1");
        assertEquals(JobState.QUEUED_HELD, listed.getJobState(), "a task held through its array's list is held by the user");
        assertEquals("held by the user", listed.getAnnotation());

        assertEquals(JobState.DONE, q.get("11.0").getJobState(), "a completed job kept in the queue");
        assertTrue(q.get("14.0").getAnnotation().contains("Cannot expand $$ expression"));
    }

    @Test
    void queue_runningAndRemoving() {
        Map<String, JobInfo> q = infos("condor_q_json_running");
        JobInfo running = q.get("7.0");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertEquals(List.of("localhost"), running.getAllocatedMachines());
        assertEquals(JobState.FAILED, infos("condor_q_json_removing").get("7.0").getJobState());
        assertEquals(JobState.RUNNING, infos("condor_q_json_requeued").get("7.1").getJobState());
    }

    @Test
    void parse_nothingAtAll_isNoJobs_garbageIsUnreadableWithTheOutput() {
        assertTrue(CondorJobAds.parse(Samples.read("condor_q_json_empty"), "condor_q").isEmpty());
        assertTrue(CondorJobAds.parse(Samples.read("condor_history_json_empty"), "condor_history").isEmpty());
        String down = Samples.read("condor_q_schedd_down.stderr");
        UnreadableOutputException e = assertThrows(UnreadableOutputException.class, () -> CondorJobAds.parse(down, "condor_q"));
        assertTrue(e.getMessage().contains("Can't find address for schedd"));
    }

    @Test
    void states_everyJobStatus() {
        assertEquals(JobState.QUEUED, CondorStates.map(1, false, null, null));
        assertEquals(JobState.REQUEUED, CondorStates.map(1, true, null, null));
        assertEquals(JobState.RUNNING, CondorStates.map(2, true, null, null));
        assertEquals(JobState.FAILED, CondorStates.map(3, false, null, null));
        assertEquals(JobState.DONE, CondorStates.map(4, true, false, 0));
        assertEquals(JobState.FAILED, CondorStates.map(4, true, false, 1));
        assertEquals(JobState.FAILED, CondorStates.map(4, true, true, null));
        assertEquals(JobState.FAILED, CondorStates.map(4, true, false, null), "no exit code is no proof of success");
        assertEquals(JobState.QUEUED_HELD, CondorStates.map(5, false, null, null));
        assertEquals(JobState.REQUEUED_HELD, CondorStates.map(5, true, null, null));
        assertEquals(JobState.RUNNING, CondorStates.map(6, true, null, null));
        assertEquals(JobState.SUSPENDED, CondorStates.map(7, true, null, null));
        assertEquals(JobState.UNDETERMINED, CondorStates.map(8, true, null, null));
        assertEquals(JobState.UNDETERMINED, CondorStates.map(null, true, null, null));
        assertEquals("Transferring Output", CondorStates.name(6));
        assertEquals("8", CondorStates.name(8));
    }

    @Test
    void submitOutput_terse() {
        assertEquals(new CondorSubmitOutput.Submitted(5, 0, 2), CondorSubmitOutput.parse(Samples.read("condor_submit_terse_array")).orElseThrow());
        assertEquals("1", CondorSubmitOutput.clusterId(Samples.read("condor_submit_terse_single")).orElseThrow());
        assertTrue(CondorSubmitOutput.parse(Samples.read("condor_submit_refused_initialdir")).isEmpty());
        assertTrue(CondorSubmitOutput.parse("3.0 - 4.2\n").isEmpty());
    }

    @Test
    void version_fromCondorVersion() {
        assertEquals(new org.drmaa2j.Version("23", "9.6"), CondorBackend.parseVersion(Samples.read("condor_version")));
    }
}
