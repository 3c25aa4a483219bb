// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.junit.jupiter.api.Test;

/** The driver's parsers against a real OpenPBS 23.06.06 session (openpbs2306_real_instance_transcript.txt). */
class OpenPbsTranscriptTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static JobInfo job(String step, String id) {
        Map<String, Map<String, String>> jobs = QstatOutput.jobsJson(Samples.transcript(step).stdout());
        Map<String, String> attrs = jobs.get(id);
        if (attrs == null) throw new AssertionError(id + " not in " + jobs.keySet());
        return PbsJobRows.toJobInfo(id, attrs, PbsDialect.PBSPRO, UTC);
    }

    private static CommandResult result(Samples.Step s) {
        return new CommandResult(Command.of(s.command().split(" ")), s.rc(), s.stdout(), s.stderr(), Duration.ZERO);
    }

    @Test
    void everyStep_isReadWithoutUndeterminedStates_andEveryQsubGivesAnId() {
        List<String> steps = Samples.transcriptSteps();
        assertEquals(47, steps.size());
        int jobs = 0;
        for (String name : steps) {
            Samples.Step s = Samples.transcript(name);
            if (s.command().startsWith("qsub")) {
                assertTrue(QsubOutput.jobId(s.stdout()).isPresent(), name);
            } else if (s.command().startsWith("qstat") && s.command().contains("json") && !s.command().contains(" -B") && !s.command().contains(" -Q")) {
                for (Map.Entry<String, Map<String, String>> e : QstatOutput.jobsJson(s.stdout()).entrySet()) {
                    JobInfo i = PbsJobRows.toJobInfo(e.getKey(), e.getValue(), PbsDialect.PBSPRO, UTC);
                    assertTrue(i.getJobState() != JobState.UNDETERMINED, name + " " + e.getKey());
                    boolean ranAndEnded = i.getJobState().isTerminal() && i.getDispatchTime() != null;
                    assertEquals(ranAndEnded, i.getFinishTime() != null, name + " " + e.getKey() + ": only jobs that ran and ended have an end time");
                    jobs++;
                }
            } else if (s.command().startsWith("qstat -f") || s.command().startsWith("qstat -x -f")) {
                if (s.rc() != 0) assertTrue(PbsStatusQuery.onlyUnknownJobs(result(s)), name);
                for (Map.Entry<String, Map<String, String>> e : PbsTextRecords.parse(s.stdout()).entrySet()) {
                    assertTrue(PbsJobRows.toJobInfo(e.getKey(), e.getValue(), PbsDialect.PBSPRO, UTC).getJobState() != JobState.UNDETERMINED);
                    jobs++;
                }
            }
        }
        assertEquals(28, jobs);
        assertEquals(List.of("3.pbshost", "4.pbshost", "5.pbshost"), List.of("qsub_long", "qsub_h2", "qsub_long_run").stream()
                .map(n -> QsubOutput.jobId(Samples.transcript(n).stdout()).orElseThrow()).toList());
        JobInfo queued = job("qstat_f_json_running", "3.pbshost");
        assertEquals(JobState.QUEUED, queued.getJobState());
        assertEquals("Not Running: Not enough free nodes available", queued.getAnnotation());
        assertEquals(JobState.RUNNING, job("qstat_f_json_running2", "5.pbshost").getJobState());
        assertTrue(PbsStatusQuery.onlyUnknownJobs(result(Samples.transcript("qstat_unknown"))));
    }

    @Test
    void qstatVersion_identifiesOpenPbs() {
        Samples.Step s = Samples.transcript("qstat_version");
        PbsDialectDetector.Detected d = PbsDialectDetector.fromQstatVersion(s.stdout() + s.stderr()).orElseThrow();
        assertEquals(PbsDialect.PBSPRO, d.dialect());
        assertEquals("23", d.version().major());
        assertEquals("06.06", d.version().minor());
    }

    @Test
    void qsub_printsPlainAndArrayIds() {
        assertEquals(Optional.of("0.pbshost"), QsubOutput.jobId(Samples.transcript("qsub_h").stdout()));
        assertEquals(Optional.of("1.pbshost"), QsubOutput.jobId(Samples.transcript("qsub_exit3").stdout()));
        String array = QsubOutput.jobId(Samples.transcript("qsub_array").stdout()).orElseThrow();
        assertEquals("2[].pbshost", array);
        assertEquals("2[].pbshost", QsubOutput.arrayId(array));
        assertEquals("2[3].pbshost", QsubOutput.taskId(array, 3));
        assertEquals("2[].pbshost", QsubOutput.arrayOf("2[3].pbshost"));
        assertNull(QsubOutput.arrayOf("2[].pbshost"));
        assertEquals(Optional.of("6.pbshost"), QsubOutput.jobId(Samples.transcript("qsub_W_block_exit3").stdout()));
    }

    @Test
    void heldJob_isQueuedHeld_inJsonAndText() {
        JobInfo json = job("qstat_f_json_held", "0.pbshost");
        assertEquals(JobState.QUEUED_HELD, json.getJobState());
        assertEquals("H", json.getJobSubState());
        assertEquals("probejob", json.getJobName());
        assertEquals("pbsuser", json.getJobOwner());
        assertEquals("workq", json.getQueueName());
        assertEquals("pbshost", json.getSubmissionMachine());
        assertEquals(1L, json.getSlots());
        assertEquals(Instant.parse("2026-11-21T22:09:25Z"), json.getSubmissionTime());
        assertNull(json.getDispatchTime());
        Map<String, String> text = PbsTextRecords.parse(Samples.transcript("qstat_f_held").stdout()).get("0.pbshost");
        assertEquals(json, PbsJobRows.toJobInfo("0.pbshost", text, PbsDialect.PBSPRO, UTC), "text and JSON agree");
        assertEquals("/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games:/opt/pbs/bin:/opt/pbs/bin",
                valueOf(text.get("Variable_List"), "PBS_O_PATH"), "wrapped text joined without separators");
    }

    private static String valueOf(String variableList, String name) {
        for (String kv : variableList.split(",")) if (kv.startsWith(name + "=")) return kv.substring(name.length() + 1);
        return null;
    }

    @Test
    void releasedJob_runsOnItsHost() {
        JobInfo i = job("qstat_f_json_after_rls", "0.pbshost");
        assertEquals(JobState.RUNNING, i.getJobState());
        assertEquals(List.of("pbshost"), i.getAllocatedMachines());
        assertEquals(Instant.parse("2026-11-21T22:09:26Z"), i.getDispatchTime());
        assertEquals(Duration.ZERO, i.getWallclockTime());
        assertEquals("Job run at Sat Nov 21 at 22:09 on (pbshost:ncpus=1)", i.getAnnotation());
        assertNull(i.getExitStatus(), "no exit status while running");
    }

    @Test
    void exit3_isFailedWithExitStatus3_inJsonAndText() {
        JobInfo i = job("qstat_x_f_json_exit3", "1.pbshost");
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("F", i.getJobSubState());
        assertEquals(3, i.getExitStatus());
        assertNull(i.getTerminatingSignal());
        assertEquals(Instant.parse("2026-11-21T22:09:29Z"), i.getDispatchTime());
        assertEquals(Instant.parse("2026-11-21T22:09:29Z"), i.getFinishTime(), "stime plus the wall time used, before obittime");
        Map<String, String> text = PbsTextRecords.parse(Samples.transcript("qstat_x_f_exit3").stdout()).get("1.pbshost");
        assertEquals(i, PbsJobRows.toJobInfo("1.pbshost", text, PbsDialect.PBSPRO, UTC));
    }

    @Test
    void finishedJob_withoutX_andUnknownIds_areNotCommunicationFailures() {
        Samples.Step nox = Samples.transcript("qstat_f_json_finished_nox");
        assertEquals(35, nox.rc());
        assertTrue(PbsStatusQuery.onlyUnknownJobs(result(nox)));
        assertTrue(QstatOutput.json(nox.stdout(), "Jobs").isEmpty(), "the JSON has no Jobs section");
        Samples.Step unknown = Samples.transcript("qstat_x_unknown");
        assertEquals(153, unknown.rc());
        assertEquals("qstat: Unknown Job Id 99999.pbshost\n", unknown.stderr());
        assertTrue(PbsStatusQuery.onlyUnknownJobs(result(unknown)));
        assertFalse(PbsStatusQuery.onlyUnknownJobs(new CommandResult(Command.of("qstat"), 1, "",
                "Connection refused\nqstat: cannot connect to server pbshost (errno=15010)", Duration.ZERO)));
    }

    @Test
    void qdel_ofFinishedOrUnknownJob_isAlreadyGone_butQrlsOfUnknownIsNot() {
        assertTrue(PbsControl.ERRORS.isAlreadyGone(result(Samples.transcript("qdel_again"))));
        assertTrue(PbsControl.ERRORS.isAlreadyGone(result(Samples.transcript("qdel_unknown"))));
        Samples.Step qrls = Samples.transcript("qrls_unknown");
        assertEquals(153, qrls.rc());
        assertEquals("qrls failed (exit 153): qrls: Unknown Job Id 99999.pbshost", result(qrls).describeFailure());
    }

    @Test
    void array_parentAndSubjobs() {
        Map<String, Map<String, String>> jobs = QstatOutput.json(Samples.transcript("qstat_f_json_t_array").stdout(), "Jobs");
        assertEquals(List.of("2[].pbshost", "2[1].pbshost", "2[3].pbshost"), List.copyOf(jobs.keySet()));
        assertEquals(JobState.RUNNING, PbsJobRows.toJobInfo("2[].pbshost", jobs.get("2[].pbshost"), PbsDialect.PBSPRO, UTC).getJobState());
        JobInfo sub = job("qstat_f_json_subjob", "2[1].pbshost");
        assertEquals(JobState.RUNNING, sub.getJobState());
        assertEquals("2[].pbshost", jobs.get("2[1].pbshost").get("array_id"));
        assertEquals("3", jobs.get("2[3].pbshost").get("array_index"));
    }

    @Test
    void qdelOfRunningSubjob_is271_SIGTERM_andRunningSiblingStaysRunning() {
        JobInfo killed = job("qstat_x_f_json_array_after_del", "2[1].pbshost");
        assertEquals(JobState.FAILED, killed.getJobState());
        assertEquals("X", killed.getJobSubState());
        assertEquals("SIGTERM", killed.getTerminatingSignal());
        assertNull(killed.getExitStatus());
        assertEquals(Duration.ofSeconds(13), killed.getWallclockTime());
        assertEquals(JobState.RUNNING, job("qstat_x_f_json_array_after_del", "2[3].pbshost").getJobState());
        JobInfo last = job("qstat_x_f_json_array_final", "2[3].pbshost");
        assertEquals(JobState.FAILED, last.getJobState());
        assertEquals("SIGTERM", last.getTerminatingSignal());
        assertEquals(Instant.parse("2026-11-21T22:10:08Z"), last.getFinishTime(), "stime plus the wall time used, before obittime");
    }

    @Test
    void deletedWhileQueued_isFailedWithoutExitStatus_andSaysWhy() {
        JobInfo i = job("qstat_x_f_json_deleted", "3.pbshost");
        assertEquals(JobState.FAILED, i.getJobState());
        assertNull(i.getExitStatus());
        assertNull(i.getTerminatingSignal());
        assertNull(i.getDispatchTime());
        assertEquals("Not Running: Not enough free nodes available and terminated", i.getAnnotation());
        JobInfo running = job("qstat_x_f_json_deleted_running", "5.pbshost");
        assertEquals("SIGTERM", running.getTerminatingSignal());
        assertEquals(Instant.parse("2026-11-21T22:10:11Z"), running.getFinishTime(), "stime 22:10:10 plus 1 s used; obittime says 22:10:12");
    }

    @Test
    void historyOfAllJobs() {
        Map<String, Map<String, String>> jobs = QstatOutput.json(Samples.transcript("qstat_x_F_json_all").stdout(), "Jobs");
        assertEquals(List.of("0.pbshost", "1.pbshost", "2[].pbshost", "3.pbshost", "4.pbshost", "5.pbshost", "6.pbshost"),
                List.copyOf(jobs.keySet()));
        JobInfo done = PbsJobRows.toJobInfo("0.pbshost", jobs.get("0.pbshost"), PbsDialect.PBSPRO, UTC);
        assertEquals(JobState.DONE, done.getJobState());
        assertEquals(0, done.getExitStatus());
        assertEquals(Duration.ofSeconds(5), done.getWallclockTime());
        JobInfo exiting = PbsJobRows.toJobInfo("6.pbshost", jobs.get("6.pbshost"), PbsDialect.PBSPRO, UTC);
        assertEquals(JobState.RUNNING, exiting.getJobState(), "E (exiting) is still RUNNING, whatever Exit_status says");
        assertNull(exiting.getExitStatus());
        assertEquals(JobState.FAILED, PbsJobRows.toJobInfo("4.pbshost", jobs.get("4.pbshost"), PbsDialect.PBSPRO, UTC).getJobState());
        assertEquals("23.06.06", QstatOutput.jsonVersion(Samples.transcript("qstat_x_F_json_all").stdout()));
    }

    @Test
    void monitoring_queueAndNodeJson() {
        List<QueueInfo> q = PbsMonitoring.queues(QstatOutput.json(Samples.transcript("qstat_Q_f_json").stdout(), "Queue"));
        assertEquals(List.of(new QueueInfo("workq")), q);
        List<MachineInfo> m = PbsMonitoring.machines(QstatOutput.json(Samples.transcript("pbsnodes_av_json").stdout(), "nodes"));
        assertEquals(1, m.size());
        MachineInfo n = m.get(0);
        assertEquals("pbshost", n.name());
        assertTrue(n.available());
        assertEquals(2, n.coresPerSocket());
        assertEquals(24684084L, n.physMemory());
        assertEquals(OperatingSystem.LINUX, n.machineOS());
        Map<String, Map<String, String>> server = QstatOutput.json(Samples.transcript("qstat_B_f_json").stdout(), "Server");
        assertEquals("True", server.get("pbshost").get("job_history_enable"));
    }
}
