// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.junit.jupiter.api.Test;

/** Every parser against the verbatim Slurm outputs in test resources. */
class SlurmOutputParsingTest {

    private static Map<String, JobInfo> infos(DelimitedTable t) {
        Map<String, JobInfo> out = new LinkedHashMap<>();
        for (Map<String, String> row : t.rows()) {
            if (SlurmJobRows.isStep(row)) continue;
            JobInfo i = SlurmJobRows.toJobInfo(row, ZoneOffset.UTC);
            out.put(i.getJobId(), i);
        }
        return out;
    }

    private static Map<String, JobState> states(DelimitedTable t) {
        return infos(t).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getJobState(),
                (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void squeue_compactStates() {
        DelimitedTable t = DelimitedTable.withColumns(Samples.read("nextflow_squeue_noheader_i_t.txt"), " ", List.of("jobid", "st"));
        assertEquals(Map.of("5", JobState.QUEUED, "6", JobState.QUEUED, "13", JobState.RUNNING, "14", JobState.FAILED,
                "15", JobState.FAILED, "4", JobState.RUNNING, "22", JobState.SUSPENDED), states(t));
    }

    @Test
    void squeue_heldByUserIsQueuedHeld_andRunningJobsHaveMachinesAndStart() {
        DelimitedTable t = DelimitedTable.withColumns(Samples.read("aiida_squeue_noheader_o_fields_caret_sep.txt"), "^^^",
                List.of("jobid", "st", "reason", "batchhost", "user", "nodes", "cpus", "nodelist", "partition", "timelimit",
                        "time", "start", "name", "submit"));
        Map<String, JobInfo> i = infos(t);
        assertEquals(8, i.size());
        assertEquals(JobState.QUEUED_HELD, i.get("863313").getJobState());
        assertEquals(JobState.QUEUED, i.get("862540").getJobState());
        assertEquals("Dependency", i.get("862540").getAnnotation());
        assertEquals(List.of(), i.get("862540").getAllocatedMachines());
        assertNull(i.get("863100").getDispatchTime(), "a pending job's expected start is not a dispatch time");
        JobInfo running = i.get("861352");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertEquals(List.of("nid00192", "nid00246", "nid00264", "nid00265"), running.getAllocatedMachines());
        assertEquals(128L, running.getSlots());
        assertEquals("normal", running.getQueueName());
        assertEquals("user6", running.getJobOwner());
        assertEquals(Instant.parse("2013-05-23T09:35:23Z"), running.getSubmissionTime());
        assertEquals(Instant.parse("2013-05-22T12:43:20Z"), running.getDispatchTime());
        assertEquals(20, i.get("862538").getAllocatedMachines().size(), "matches the %D node count");
    }

    @Test
    void squeue_pipeFormatWithNamesAndPaths() {
        DelimitedTable t = DelimitedTable.withColumns(Samples.read("pysqa_squeue_format_A_u_t_j_Z.txt"), "|",
                List.of("jobid", "user", "st", "name", "workdir"));
        Map<String, JobInfo> i = infos(t);
        assertEquals(5, i.size());
        assertEquals("pi_19576482", i.get("5322013").getJobName());
        assertEquals("maxi", i.get("5322013").getJobOwner());
        assertTrue(i.values().stream().allMatch(x -> x.getJobState() == JobState.RUNNING));
    }

    @Test
    void sacct_parsableWithHeader_skipsSteps() {
        String text = Samples.read("drmaa2os_sacct_P_and_sbatch_parsable.txt");
        DelimitedTable t = DelimitedTable.withHeader(Samples.section(text, "$ sacct -P"), "|");
        Map<String, JobInfo> i = infos(t);
        assertEquals(List.of("15", "16"), List.copyOf(i.keySet()));
        assertEquals(JobState.DONE, i.get("15").getJobState());
        assertEquals(0, i.get("15").getExitStatus());
        assertEquals(2L, i.get("16").getSlots());
        assertEquals("debug", i.get("16").getQueueName());
        assertEquals(Optional.of("16"), SbatchOutput.jobId(Samples.section(text, "$ sbatch --parsable")));
        assertEquals(Optional.of("77"), SbatchOutput.jobId("77;clustername\n"));
    }

    @Test
    void sacct_unknownStateWordIsUndetermined_andArrayRangesExpand() {
        String text = Samples.read("submitit_sacct_parsable2_arrays.txt");
        DelimitedTable t = DelimitedTable.withHeader(text.substring(0, text.indexOf("---")), "|");
        Map<String, JobState> s = states(t);
        assertEquals(JobState.RUNNING, s.get("5610980"));
        assertEquals(JobState.RUNNING, s.get("20956421_0"));
        assertEquals(JobState.QUEUED, s.get("20956421_[2-4%25]"));
        assertEquals(List.of("20956421_2", "20956421_3", "20956421_4"), SlurmJobRows.expandArrayId("20956421_[2-4%25]"));
        assertEquals(JobState.UNDETERMINED, SlurmJobRows.toJobInfo(Map.of("jobid", "1", "state", "RUNING"), ZoneOffset.UTC).getJobState());
        DelimitedTable second = DelimitedTable.withHeader(Samples.section(text, "--- second fixture"), "|");
        Map<String, JobState> s2 = states(second);
        assertEquals(JobState.RUNNING, s2.get("12_0"));
        assertEquals(JobState.UNDETERMINED, s2.get("12_[2,4-12]"));
        assertEquals(10, SlurmJobRows.expandArrayId("12_[2,4-12]").size());
    }

    @Test
    void sacct_customDelimiter_cancelledByUser_failedAndTimes() {
        String text = Samples.read("reportseff_sacct_parsable_custom_delim.txt");
        List<String> withLimit = List.of("admincomment", "alloccpus", "elapsed", "jobid", "jobidraw", "maxrss", "nnodes",
                "ntasks", "reqmem", "state", "timelimit", "totalcpu", "trailing");
        Map<String, JobInfo> cancelled = infos(DelimitedTable.withColumns(Samples.section(text, "### job 23000233"), "^|^", withLimit));
        JobInfo c = cancelled.get("23000233");
        assertEquals(JobState.FAILED, c.getJobState());
        assertEquals("CANCELLED", c.getJobSubState());
        assertEquals("CANCELLED by 129319", c.getAnnotation());
        assertEquals(16L, c.getSlots());
        Map<String, JobInfo> done = infos(DelimitedTable.withColumns(Samples.section(text, "### job 24418435\n"), "^|^", withLimit));
        assertEquals(Duration.ofMinutes(87).plusSeconds(42), done.get("24418435").getWallclockTime());
        assertEquals(Duration.ofMinutes(87).plusSeconds(29), done.get("24418435").getCpuTime());
        Map<String, JobInfo> failed = infos(DelimitedTable.withColumns(Samples.section(text, "### job 23000381"), "^|^", withLimit));
        assertEquals(JobState.FAILED, failed.get("23000381").getJobState());
        List<String> noLimit = List.of("admincomment", "alloccpus", "elapsed", "jobid", "jobidraw", "maxrss", "nnodes",
                "ntasks", "reqmem", "state", "totalcpu", "trailing");
        Map<String, JobInfo> array = infos(DelimitedTable.withColumns(Samples.section(text, "### job 24221219"), "^|^", noLimit));
        assertEquals(JobState.DONE, array.get("24220929_421").getJobState());
        assertEquals(Duration.ofMinutes(9).plusSeconds(28).plusMillis(52), array.get("24220929_421").getCpuTime());
    }

    @Test
    void sacct_exitCodeAndSignal() {
        JobInfo exit3 = SlurmJobRows.toJobInfo(Map.of("jobid", "7", "state", "FAILED", "exitcode", "3:0"), ZoneOffset.UTC);
        assertEquals(JobState.FAILED, exit3.getJobState());
        assertEquals(3, exit3.getExitStatus());
        assertNull(exit3.getTerminatingSignal());
        JobInfo killed = SlurmJobRows.toJobInfo(Map.of("jobid", "8", "state", "CANCELLED by 0", "exitcode", "0:9"), ZoneOffset.UTC);
        assertEquals(JobState.FAILED, killed.getJobState());
        assertEquals("SIGKILL", killed.getTerminatingSignal());
        assertNull(killed.getExitStatus());
        JobInfo timeout = SlurmJobRows.toJobInfo(Map.of("jobid", "9", "state", "TIMEOUT", "exitcode", "0:0",
                "end", "1700000000"), ZoneOffset.UTC);
        assertEquals(JobState.FAILED, timeout.getJobState());
        assertEquals("TIMEOUT", timeout.getJobSubState());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), timeout.getFinishTime());
        assertEquals(JobState.DONE, SlurmJobRows.toJobInfo(Map.of("jobid", "10", "state", "COMPLETED", "exitcode", "0:0"), ZoneOffset.UTC).getJobState());
    }

    @Test
    void sbatch_submissionOutputs() {
        String text = Samples.read("qtoolkit_sbatch_submit_outputs.txt");
        String[] entries = text.split("--- exit_code=");
        int found = 0;
        for (String e : entries) {
            if (e.isBlank()) continue;
            String stdout = e.substring(e.indexOf("[stdout]") + 9, e.indexOf("[stderr]"));
            Optional<String> id = SbatchOutput.jobId(stdout);
            if (stdout.toLowerCase().contains("batch job")) {
                assertTrue(id.isPresent(), stdout);
                found++;
            } else {
                assertTrue(id.isEmpty(), "no batch job id in: " + stdout);
            }
        }
        assertEquals(4, found);
        assertEquals(Optional.of("24"), SbatchOutput.jobId("sbatch: Submitted batch job 24\n"));
    }

    @Test
    void scontrol_oneLineRecord() {
        Map<String, String> row = ScontrolJobRecord.parse(Samples.read("qtoolkit_scontrol_show_job_o_completed.txt"));
        JobInfo i = SlurmJobRows.toJobInfo(row, ZoneOffset.UTC);
        assertEquals("270", i.getJobId());
        assertEquals("submit.script", i.getJobName());
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertEquals("matgenix-dwa", i.getJobOwner());
        assertEquals("main", i.getQueueName());
        assertEquals(List.of("matgenixdb"), i.getAllocatedMachines());
        assertEquals(Instant.parse("2023-10-11T11:13:17Z"), i.getFinishTime());
    }

    @Test
    void scontrol_multiLineRecords() {
        String text = Samples.read("irushcs_scontrol_d_show_job_multiline.txt");
        String[] jobs = text.split("\n\\s*\n");
        int parsed = 0;
        for (String job : jobs) {
            if (!job.contains("JobId=")) continue;
            Map<String, String> row = ScontrolJobRecord.parse(job);
            JobInfo i = SlurmJobRows.toJobInfo(row, ZoneOffset.UTC);
            assertTrue(i.getJobId() != null && !i.getJobId().isBlank(), job);
            assertTrue(i.getJobState() != JobState.UNDETERMINED, "state of " + i.getJobId() + ": " + row.get("state"));
            parsed++;
        }
        assertTrue(parsed >= 3, "parsed " + parsed);
    }
}
