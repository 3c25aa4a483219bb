// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

/** The batched status query: one qstat per tick, exit files only for jobs that need them. */
class PbsStatusQueryTest {
    /**
     * {@code qstat -f} of Slurm's wrapper, captured: 9 held (Priority 0), 10 running, array 11 of
     * three tasks with {@code %1} (11 is the array's pending tasks 2-3, 12 is task 1 running), 13
     * exited 3 in queue batch, 14 pending with a start time.
     */
    static final String WRAPPER_QSTAT = Samples.read("torque-wrappers", "qstat_f_mixed.txt");

    private static JobRecord rec(String id, String arrayId, boolean held) {
        return new JobRecord(id, "s", arrayId, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId(id).jobState(held ? JobState.QUEUED_HELD : JobState.QUEUED).build(), Map.of());
    }

    @Test
    void openPbs_oneQstatForJobsAndArrays_unknownIdsTolerated() {
        Samples.Step all = Samples.transcript("qstat_x_F_json_all");
        ScriptedRunner r = new ScriptedRunner().on("qstat", 153, all.stdout(), "qstat: Unknown Job Id 77.pbshost\n")
                .on("sh", 0, "", "");
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.PBSPRO, ZoneOffset.UTC, new ExitFiles(r, "/home/u/x"), new SlurmTaskIds());
        Map<String, JobInfo> out = q.query(List.of(rec("0.pbshost", null, false), rec("1.pbshost", null, false),
                rec("3.pbshost", null, false), rec("77.pbshost", null, false)));
        assertEquals(List.of("qstat", "-f", "-F", "json", "-x", "-t", "0.pbshost", "1.pbshost", "3.pbshost", "77.pbshost"),
                r.commands.get(0).argv());
        assertEquals(JobState.DONE, out.get("0.pbshost").getJobState());
        assertEquals(3, out.get("1.pbshost").getExitStatus());
        assertEquals(JobState.FAILED, out.get("3.pbshost").getJobState(), "deleted while queued: no exit file, qstat's word");
        assertFalse(out.containsKey("77.pbshost"), "unknown once: last known state kept");
        assertEquals(List.of("qstat", "sh"), r.programs(), "one qstat, one exit-file read for the jobs that ended or left qstat");
        assertEquals(List.of("sh", "-c", ExitFiles.READ_SCRIPT, "sh", "/home/u/x", "0.pbshost", "1.pbshost", "3.pbshost", "77.pbshost"),
                r.commands.get(1).argv());
        JobInfo second = q.query(List.of(rec("77.pbshost", null, false))).get("77.pbshost");
        assertEquals(JobState.FAILED, second.getJobState(), "gone from qstat and no exit file: failed after two ticks");
        assertEquals("the job left qstat without an exit status", second.getAnnotation());
    }

    @Test
    void openPbs_arrayAskedForOnceByItsArrayId() {
        ScriptedRunner r = new ScriptedRunner().on("qstat", 0, Samples.transcript("qstat_x_f_json_array_final").stdout(), "");
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.PBSPRO, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        Map<String, JobInfo> out = q.query(List.of(rec("2[1].pbshost", "2[].pbshost", false), rec("2[3].pbshost", "2[].pbshost", false)));
        assertEquals(List.of("qstat", "-f", "-F", "json", "-x", "-t", "2[].pbshost"), r.commands.get(0).argv());
        assertEquals("SIGTERM", out.get("2[1].pbshost").getTerminatingSignal());
        assertEquals(JobState.FAILED, out.get("2[3].pbshost").getJobState());
        assertEquals(1, r.commands.size());
    }

    @Test
    void openPbs_realFailureIsACommunicationError_withTheSchedulersWords() {
        ScriptedRunner r = new ScriptedRunner().on("qstat", 1, "", "qstat: cannot connect to server pbshost (errno=15010)");
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.PBSPRO, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> q.query(List.of(rec("1.pbshost", null, false))));
        assertTrue(e.getMessage().contains("cannot connect to server pbshost"), e.getMessage());
    }

    @Test
    void openPbs_withoutJson_fallsBackToText() {
        String text = Samples.transcript("qstat_x_f_exit3").stdout();
        ScriptedRunner r = new ScriptedRunner().on("qstat", c -> c.argv().contains("json")
                ? new org.drmaa2j.spi.exec.CommandResult(c, 2, "", "qstat: invalid option -- 'F'\nusage: qstat [-f]", java.time.Duration.ZERO)
                : new org.drmaa2j.spi.exec.CommandResult(c, 0, text, "", java.time.Duration.ZERO));
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.PBSPRO, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        assertEquals(3, q.query(List.of(rec("1.pbshost", null, false))).get("1.pbshost").getExitStatus());
        q.query(List.of(rec("1.pbshost", null, false)));
        assertEquals(List.of("qstat", "-f", "-w", "-x", "-t", "1.pbshost"), r.commands.get(r.commands.size() - 1).argv());
        assertEquals(3, r.commands.size(), "JSON is not tried again");
    }

    @Test
    void torque_asksForXml() {
        ScriptedRunner r = new ScriptedRunner().on("qstat", 0, Samples.read("xenon_torque_qstat_x_xml.txt"), "");
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.TORQUE, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        Map<String, JobInfo> out = q.query(List.of(rec("8938236.batch1.lisa.surfsara.nl", null, false)));
        assertEquals(List.of("qstat", "-x", "-t", "8938236.batch1.lisa.surfsara.nl"), r.commands.get(0).argv());
        assertEquals(JobState.RUNNING, out.get("8938236.batch1.lisa.surfsara.nl").getJobState());
    }

    @Test
    void slurmWrappers_allJobsOnce_tasksByTheirStartFiles_exitCodesFromExitFiles_holdsByPriorityZero() {
        String dir = "/home/drmaa/.drmaa2j/pbs/exit";
        ScriptedRunner r = new ScriptedRunner().on("qstat", 0, WRAPPER_QSTAT, "")
                .on("sh", 0, "==13\nexit=3\nsignal=0\nend=1795303365\n==11[1].start\njob=12\nstart=1795303364\n", "");
        SlurmTaskIds ids = new SlurmTaskIds();
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.SLURM_WRAPPERS, ZoneOffset.UTC, new ExitFiles(r, dir), ids);
        List<JobRecord> jobs = List.of(rec("9", null, true), rec("10", null, false), rec("11[1]", "11[]", false),
                rec("11[2]", "11[]", false), rec("11[3]", "11[]", false), rec("13", null, false));
        Map<String, JobInfo> out = q.query(jobs);
        assertEquals(List.of("qstat", "-f"), r.commands.get(0).argv(), "the wrapper has no -t and matches plain Slurm numbers: ask for all");
        assertEquals(List.of("sh", "-c", ExitFiles.READ_SCRIPT, "sh", dir, "11[1]", "11[2]", "11[3]", "13",
                "11[1].start", "11[2].start", "11[3].start"), r.commands.get(1).argv(), "exit and start files in one command");
        assertEquals(2, r.commands.size());
        assertEquals(JobState.QUEUED_HELD, out.get("9").getJobState(), "held: Q with priority 0");
        JobInfo running = out.get("10");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertEquals(Instant.parse("2026-11-21T23:22:44Z"), running.getDispatchTime(), "the wrapper's mtime is the start");
        assertNull(running.getFinishTime(), "a running job's ctime is its expected end");
        assertEquals(2L, running.getSlots());
        JobInfo task1 = out.get("11[1]");
        assertEquals(JobState.RUNNING, task1.getJobState(), "task 1 runs as Slurm job 12, as its start file says");
        assertEquals("11[1]", task1.getJobId());
        assertEquals(List.of("localhost"), task1.getAllocatedMachines());
        assertEquals(JobState.QUEUED, out.get("11[2]").getJobState(), "pending tasks are the array's own record");
        assertNull(out.get("11[3]").getDispatchTime());
        JobInfo failed = out.get("13");
        assertEquals(JobState.FAILED, failed.getJobState());
        assertEquals(3, failed.getExitStatus(), "the wrapper shows no exit status; the exit file does");
        assertEquals("batch", failed.getQueueName());
        assertEquals(Instant.ofEpochSecond(1795303365L), failed.getFinishTime());
        assertEquals("12", ids.controlNumber("11[1]"), "a started task is controlled by its own number");
        assertEquals("11", ids.controlNumber("11[2]"), "a pending task only through the array's pending record");

        q.query(jobs);
        assertEquals(List.of("sh", "-c", ExitFiles.READ_SCRIPT, "sh", dir, "11[2]", "11[3]", "13", "11[2].start", "11[3].start"),
                r.commands.get(3).argv(), "a task's number is read once");
    }

    @Test
    void slurmWrappers_taskOfAnEndedArrayThatNeverStarted_failed_andCancelledPendingJobNeverDispatched() {
        String ended = WRAPPER_QSTAT.replace("Job Id:\t11\n\tJob_Name = stdin\n\tJob_Owner = drmaa@localhost\n\tjob_state = Q",
                "Job Id:\t11\n\tJob_Name = stdin\n\tJob_Owner = drmaa@localhost\n\tjob_state = C");
        assertTrue(!ended.equals(WRAPPER_QSTAT));
        ScriptedRunner r = new ScriptedRunner().on("qstat", 0, ended, "").on("sh", 0, "", "");
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.SLURM_WRAPPERS, ZoneOffset.UTC, new ExitFiles(r, "/x"), new SlurmTaskIds());
        JobInfo task = q.query(List.of(rec("11[3]", "11[]", false))).get("11[3]");
        assertEquals(JobState.FAILED, task.getJobState());
        assertNull(task.getDispatchTime());
        Map<String, String> cancelledPending = new java.util.HashMap<>(PbsTextRecords.parse(WRAPPER_QSTAT).get("14"));
        cancelledPending.put("job_state", "C");
        assertNull(PbsJobRows.toJobInfo("14", cancelledPending, PbsDialect.SLURM_WRAPPERS, ZoneOffset.UTC).getDispatchTime(),
                "Slurm gives a job cancelled while pending a start time, but no host");
    }

    @Test
    void torque_unreadableXml_fallsBackToOneLineText() {
        String text = Samples.read("buildtest_torque_qstat_f_completed.txt");
        ScriptedRunner r = new ScriptedRunner().on("qstat", c -> new org.drmaa2j.spi.exec.CommandResult(c, 0,
                c.argv().contains("-x") ? "<Data><Job><Job_Id>1</Job_Id>" : text, "", java.time.Duration.ZERO));
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.TORQUE, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        JobInfo i = q.query(List.of(rec("40680075.e4spro-cluster", null, false))).get("40680075.e4spro-cluster");
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(List.of("qstat", "-f", "-1", "-t", "40680075.e4spro-cluster"), r.commands.get(1).argv());
    }

    @Test
    void exitFiles_parseManyMarkers() {
        Map<String, org.drmaa2j.spi.store.CompletionMarker> m = ExitFiles.parse("==1.s\nexit=0\nsignal=0\nend=5\n==2[3].s\nexit=7\nsignal=0\nend=6\n");
        assertEquals(0, m.get("1.s").exitStatus());
        assertEquals(7, m.get("2[3].s").exitStatus());
        assertNull(m.get("3.s"));
    }

    @Test
    void wrapperText_isReadLikeTorque() {
        Map<String, Map<String, String>> r = PbsTextRecords.parse(WRAPPER_QSTAT);
        assertEquals(List.of("9", "10", "12", "11", "13", "14"), List.copyOf(r.keySet()));
        assertEquals("0", r.get("9").get("Priority"));
        assertEquals("1", r.get("11").get("Resource_List.ncpus"));
        JobInfo q = PbsJobRows.toJobInfo("14", r.get("14"), PbsDialect.SLURM_WRAPPERS, ZoneOffset.UTC);
        assertEquals(JobState.QUEUED, q.getJobState());
        assertEquals(1L, q.getSlots());
        assertEquals("drmaa", q.getJobOwner());
        assertEquals(Instant.parse("2026-11-21T23:22:44Z"), q.getSubmissionTime());
        assertNull(q.getDispatchTime(), "mtime of a pending job is its expected start");
    }
}
