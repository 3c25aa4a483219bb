// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

/** Every parser against every verbatim LSF output in test resources. */
class LsfOutputParsingTest {
    /** A fixed "now" in UTC, so that LSF's year-less times resolve to known instants. */
    static final LsfTimes TIMES = new LsfTimes(ZoneOffset.UTC, Clock.fixed(Instant.parse("2024-02-10T00:00:00Z"), ZoneOffset.UTC));

    private static Map<String, JobInfo> byId(List<Map<String, String>> records) {
        Map<String, JobInfo> out = new LinkedHashMap<>();
        for (Map<String, String> r : records) {
            JobInfo i = LsfJobRows.toJobInfo(r, TIMES);
            out.put(i.getJobId(), i);
        }
        return out;
    }

    @Test
    void bjobsDelimited_aiidaRows_exitReasonRunLimitAndTimesWithFlags() {
        List<String> columns = List.of("id", "stat", "exit_reason", "exec_host", "user", "slots", "max_req_proc", "exec_host",
                "queue", "finish_time", "start_time", "%complete", "submit_time", "name");
        BjobsOutput out = BjobsOutput.fromDelimited(Samples.read("aiida_bjobs_noheader_o_delimiter_pipe.txt"), "", columns);
        Map<String, JobInfo> i = byId(out.records());
        assertEquals(List.of("764213236", "764220165", "764220167", "764254593", "764255172", "764245175", "764399747"),
                List.copyOf(i.keySet()), "a leading blank before the id is tolerated");
        JobInfo killed = i.get("764213236");
        assertEquals(JobState.FAILED, killed.getJobState());
        assertEquals("TERM_RUNLIMIT", killed.getJobSubState());
        assertEquals("TERM_RUNLIMIT: job killed after reaching LSF run time limit", killed.getAnnotation());
        assertNull(killed.getExitStatus(), "no EXIT_CODE column: unknown, not 0");
        assertEquals(List.of("b681e480bd"), killed.getAllocatedMachines());
        assertEquals("inewton", killed.getJobOwner());
        assertEquals(1L, killed.getSlots());
        assertEquals("test", killed.getQueueName());
        assertEquals(Instant.parse("2024-02-02T00:44:00Z"), killed.getSubmissionTime());
        assertEquals(Instant.parse("2024-02-02T00:45:00Z"), killed.getDispatchTime());
        assertEquals(Instant.parse("2024-02-02T00:46:00Z"), killed.getFinishTime());
        assertEquals(Duration.ofMinutes(1), killed.getWallclockTime());
        assertEquals("aiida-1033269", killed.getJobName());

        JobInfo pending = i.get("764220165");
        assertEquals(JobState.QUEUED, pending.getJobState());
        assertEquals("PEND", pending.getJobSubState());
        assertEquals(List.of(), pending.getAllocatedMachines());
        assertNull(pending.getDispatchTime());
        assertEquals("8nm", pending.getQueueName());
        assertEquals(Instant.parse("2024-02-02T01:53:00Z"), i.get("764220167").getSubmissionTime(), "the trailing L flag is ignored");
        assertEquals("fchopin", i.get("764220167").getJobOwner());

        JobInfo running = i.get("764255172");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertNull(running.getFinishTime(), "a running job's finish time is only LSF's estimate");
        assertEquals(List.of("b68ac74822"), running.getAllocatedMachines());
        assertEquals(Instant.parse("2023-12-31T23:48:00Z"), i.get("764245175").getDispatchTime(), "a December date seen in February is last year's");

        JobInfo done = i.get("764399747");
        assertEquals(JobState.DONE, done.getJobState());
        assertEquals(0, done.getExitStatus(), "DONE without an exit code column means 0");
        assertEquals(Instant.parse("2024-02-02T14:56:00Z"), done.getFinishTime());
        assertEquals(List.of("p05496706j68144"), done.getAllocatedMachines());
    }

    @Test
    void messages_bsubAcknowledgement_bkill_andNotFound() {
        String text = Samples.read("aiida_bsub_bkill_bjobs_messages.txt");
        assertEquals(Optional.of("764254593"), LsfMessages.submittedJobId(Samples.section(text, "[bsub stdout]")));
        assertEquals(Optional.empty(), LsfMessages.submittedJobId(Samples.section(text, "[bkill stdout]")));
        assertTrue(Samples.section(text, "[bkill stdout]").contains("Job <764254593> is being terminated"));
        String stderr = Samples.section(text, "[bjobs stderr, unknown job]");
        assertEquals(Set.of("864220165"), LsfMessages.notFound(stderr));
        assertTrue(LsfMessages.onlyHarmless(stderr), "'not found' is an answer, not a failure");
        assertEquals(Set.of("864220165"), BjobsOutput.fromJson("", stderr).notFound());
        assertEquals(Optional.of("77"), LsfMessages.submittedJobId(
                "LSF is processing your request. Please wait ...\nJob <77> is submitted to default queue <normal>.\n"));
    }

    @Test
    void bjobsJson_buildtestHeldJob_isQueuedHeld() {
        BjobsOutput out = BjobsOutput.fromJson(Samples.read("buildtest_bjobs_o_json_psusp.txt"), "");
        assertEquals(1, out.records().size());
        JobInfo held = LsfJobRows.toJobInfo(out.records().get(0), TIMES);
        assertEquals(JobState.QUEUED_HELD, held.getJobState());
        assertEquals("PSUSP", held.getJobSubState());
        assertEquals("hold_job", held.getJobName());
        assertEquals("shahzebsiddiqui", held.getJobOwner());
        assertEquals("batch", held.getQueueName());
        assertEquals("login1", held.getSubmissionMachine());
        assertNull(held.getExitStatus(), "an empty EXIT_CODE of a pending job is no exit status");
        assertNull(held.getDispatchTime());
        assertEquals(List.of(), held.getAllocatedMachines());
        assertEquals(Instant.parse("2023-05-28T12:45:00Z"), held.getSubmissionTime(), "May seen in February is last year's");
        assertNull(held.getJobId(), "this record was asked without the jobid field");
    }

    @Test
    void bjobsJson_mkwindEveryState() {
        BjobsOutput out = BjobsOutput.fromJson(Samples.read("mkwind_bjobs_o_json_multi_states.txt"), "");
        Map<String, JobInfo> i = byId(out.records());
        Map<String, JobState> states = new LinkedHashMap<>();
        i.forEach((k, v) -> states.put(k, v.getJobState()));
        assertEquals(Map.of("1", JobState.QUEUED, "2", JobState.QUEUED, "3", JobState.QUEUED_HELD, "4", JobState.RUNNING,
                "5", JobState.RUNNING, "6", JobState.RUNNING, "7", JobState.DONE, "8", JobState.FAILED), states);
        assertEquals(Instant.parse("2023-09-13T05:55:00Z"), i.get("4").getDispatchTime());
        assertNull(i.get("1").getDispatchTime(), "a pending job's START_TIME is not a dispatch time");
        assertEquals(0, i.get("7").getExitStatus());
        assertNull(i.get("8").getExitStatus(), "EXIT without EXIT_CODE: unknown");
        assertEquals("EXIT", i.get("8").getJobSubState());
        assertEquals("pbatch", i.get("8").getQueueName());
    }

    @Test
    void bjobsTable_nextflowWide_everyStateWordAndMultiWordNames() {
        Map<String, JobInfo> i = byId(BjobsTable.rows(Samples.read("nextflow_bjobs_w.txt")));
        assertEquals(14, i.size());
        assertEquals(JobState.RUNNING, i.get("5085109").getJobState());
        assertEquals(JobState.QUEUED, i.get("5085604").getJobState());
        assertEquals(JobState.QUEUED_HELD, i.get("5085611").getJobState());
        assertEquals(JobState.FAILED, i.get("5085107").getJobState());
        assertEquals(JobState.UNDETERMINED, i.get("5085607").getJobState());
        assertEquals("UNKWN", i.get("5085607").getJobSubState());
        assertEquals(JobState.UNDETERMINED, i.get("5085608").getJobState());
        assertEquals(JobState.DONE, i.get("5085606").getJobState());
        assertEquals("phenix.autobuild autobuild_config.eff", i.get("5085585").getJobName());
        assertEquals(List.of("it-c05b12"), i.get("5085585").getAllocatedMachines());
        assertEquals("tak", i.get("5085585").getSubmissionMachine());
        assertEquals(Instant.parse("2023-10-31T14:05:00Z"), i.get("5085585").getSubmissionTime());
        assertEquals(List.of("it-r16u31"), i.get("5085703").getAllocatedMachines(), "repeated hosts count once");
        JobInfo shifted = i.get("5085704");
        assertEquals("longusername", shifted.getJobOwner());
        assertEquals(JobState.RUNNING, shifted.getJobState());
        assertEquals("nf-trinityInchwormChrysalis", shifted.getJobName());
        assertEquals(List.of("it-r16u31"), shifted.getAllocatedMachines());
        assertEquals("/lab/solexa_weng/xtal_data/Data_processing/Tomas_Pluskal/20181031_KLR1_autobuild/AutoBuild_run_1_/TEMP0/RUN_FILE_4",
                i.get("5085109").getJobName());
    }

    @Test
    void bjobsTable_processingNoiseLinesAreSkipped() {
        Map<String, JobInfo> i = byId(BjobsTable.rows(Samples.read("nextflow_bjobs_with_processing_noise.txt")));
        assertEquals(List.of("5157393", "5157493", "5157552", "5157610", "5157674", "5157710"), List.copyOf(i.keySet()));
        assertTrue(i.values().stream().allMatch(x -> x.getJobState() == JobState.RUNNING));
        assertEquals("*l_cmd_bd)", i.get("5157393").getJobName());
        assertEquals(Instant.parse("2023-11-14T13:00:00Z"), i.get("5157393").getSubmissionTime());
        assertEquals("", LsfMessages.stripNoise("LSF is processing your request. Please wait ...").strip());
    }

    @Test
    void bjobsTable_pysqaDefault_continuationLinesExtendExecHosts() {
        Map<String, JobInfo> i = byId(BjobsTable.rows(Samples.read("pysqa_bjobs_default.txt")));
        assertEquals(List.of("5136563", "5136570", "5136571"), List.copyOf(i.keySet()));
        JobInfo first = i.get("5136563");
        assertEquals(JobState.RUNNING, first.getJobState());
        assertEquals(List.of("launch_ho", "batch_hosts"), first.getAllocatedMachines());
        assertEquals("pi_None", first.getJobName());
        assertEquals("testuse", first.getJobOwner());
        assertEquals("pbatch", first.getQueueName());
        assertEquals(Instant.parse("2023-08-22T12:30:00Z"), i.get("5136570").getSubmissionTime());
    }

    @Test
    void states_everyWordOfTheMap_andUnknownIsUndetermined() {
        Map<String, JobState> expected = Map.ofEntries(Map.entry("PEND", JobState.QUEUED), Map.entry("PROV", JobState.QUEUED),
                Map.entry("WAIT", JobState.QUEUED), Map.entry("PSUSP", JobState.QUEUED_HELD), Map.entry("RUN", JobState.RUNNING),
                Map.entry("USUSP", JobState.SUSPENDED), Map.entry("SSUSP", JobState.SUSPENDED), Map.entry("DONE", JobState.DONE),
                Map.entry("EXIT", JobState.FAILED), Map.entry("UNKWN", JobState.UNDETERMINED), Map.entry("ZOMBI", JobState.UNDETERMINED),
                Map.entry("RUNNING", JobState.UNDETERMINED));
        expected.forEach((word, state) -> assertEquals(state, LsfStates.map(word), word));
    }

    @Test
    void exitCodes_emptyMeansZero_signalsAbove128_andTermReasons() {
        JobInfo exit3 = LsfJobRows.toJobInfo(Map.of("JOBID", "9", "STAT", "EXIT", "EXIT_CODE", "3", "EXIT_REASON", ""), TIMES);
        assertEquals(JobState.FAILED, exit3.getJobState());
        assertEquals(3, exit3.getExitStatus());
        assertNull(exit3.getTerminatingSignal());
        assertEquals("EXIT", exit3.getJobSubState());
        JobInfo owner = LsfJobRows.toJobInfo(Map.of("JOBID", "10", "STAT", "EXIT", "EXIT_CODE", "130",
                "EXIT_REASON", "TERM_OWNER: job killed by owner"), TIMES);
        assertEquals("SIGINT", owner.getTerminatingSignal());
        assertNull(owner.getExitStatus());
        assertEquals("TERM_OWNER", owner.getJobSubState());
        assertEquals("TERM_OWNER: job killed by owner", owner.getAnnotation());
        JobInfo done = LsfJobRows.toJobInfo(Map.of("JOBID", "11", "JOBINDEX", "4", "STAT", "DONE", "EXIT_CODE", ""), TIMES);
        assertEquals("11[4]", done.getJobId(), "an array element is addressed as id[index]");
        assertEquals(0, done.getExitStatus());
        assertEquals("11", LsfJobRows.toJobInfo(Map.of("JOBID", "11", "JOBINDEX", "0", "STAT", "RUN"), TIMES).getJobId());
        JobInfo pending = LsfJobRows.toJobInfo(Map.of("JOBID", "12", "STAT", "PEND", "PEND_REASON", "New job is waiting for scheduling;"), TIMES);
        assertEquals("New job is waiting for scheduling;", pending.getAnnotation());
        JobInfo used = LsfJobRows.toJobInfo(Map.of("JOBID", "13", "STAT", "RUN", "CPU_USED", "1.5 second(s)", "RUN_TIME",
                "62 second(s)", "EXEC_HOST", "4*hostA:2*hostB", "NALLOC_SLOT", "6"), TIMES);
        assertEquals(Duration.ofMillis(1500), used.getCpuTime());
        assertEquals(Duration.ofSeconds(62), used.getWallclockTime());
        assertEquals(List.of("hostA", "hostB"), used.getAllocatedMachines());
        assertEquals(6L, used.getSlots());
    }

    @Test
    void json_errorRecordsAndUnescapedQuotes() {
        // constructed in the layout LSF prints; an ERROR record stands for a job bjobs no longer knows
        String json = "{\n  \"COMMAND\":\"bjobs\",\n  \"JOBS\":2,\n  \"RECORDS\":[\n    {\n      \"JOBID\":\"5\",\n"
                + "      \"STAT\":\"RUN\",\n      \"JOB_NAME\":\"say \"hi\"\"\n    },\n    {\n      \"JOBID\":\"6\",\n"
                + "      \"ERROR\":\"Job <6> is not found\"\n    }\n  ]\n}\n";
        BjobsOutput out = BjobsOutput.fromJson("LSF is processing your request. Please wait ...\n" + json, "");
        assertEquals(Set.of("6"), out.notFound());
        assertEquals(1, out.records().size());
        assertEquals("say \"hi\"", LsfJobRows.toJobInfo(out.records().get(0), TIMES).getJobName());
    }
}
