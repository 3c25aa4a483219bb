// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

/** Every PBS/Torque parser against the verbatim samples in test resources (the OpenPBS transcript has its own test). */
class PbsOutputParsingTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static Map<String, JobInfo> infos(Map<String, Map<String, String>> records, PbsDialect dialect) {
        Map<String, JobInfo> out = new LinkedHashMap<>();
        records.forEach((id, attrs) -> out.put(id, PbsJobRows.toJobInfo(id, attrs, dialect, UTC)));
        return out;
    }

    private static Map<String, JobState> states(Map<String, JobInfo> infos) {
        Map<String, JobState> out = new LinkedHashMap<>();
        infos.forEach((id, i) -> out.put(id, i.getJobState()));
        return out;
    }

    @Test
    void pbsproText_statesHostsSlotsAndWrappedPaths() {
        Map<String, Map<String, String>> r = PbsTextRecords.parse(Samples.read("aiida_pbspro_qstat_f.txt"));
        Map<String, JobInfo> i = infos(r, PbsDialect.PBSPRO);
        assertEquals(List.of("68350.mycluster", "68351.mycluster", "69301.mycluster", "69302.mycluster", "74164.mycluster",
                "74165.mycluster"), List.copyOf(i.keySet()));
        assertEquals(List.of(JobState.QUEUED, JobState.QUEUED, JobState.RUNNING, JobState.QUEUED_HELD, JobState.RUNNING,
                JobState.QUEUED_HELD), List.copyOf(states(i).values()));
        assertEquals("mycluster.cluster:/home/usernum1/scratch/cptest/scaletest/PTOscaletest/testjob.err",
                r.get("68350.mycluster").get("Error_Path"));
        JobInfo running = i.get("69301.mycluster");
        assertEquals(List.of("b141", "b142", "b143", "b144"), running.getAllocatedMachines());
        assertEquals(64L, running.getSlots());
        assertEquals(Duration.ofHours(64).plusMinutes(26).plusSeconds(16), running.getWallclockTime());
        assertEquals(240L, i.get("68350.mycluster").getSlots());
        assertEquals("Not Running: Node is in an ineligible state: offline", i.get("68350.mycluster").getAnnotation());
        assertEquals(Instant.parse("2013-04-09T18:26:32Z"), i.get("68350.mycluster").getSubmissionTime());
        assertEquals("usernum1", i.get("68350.mycluster").getJobOwner());
    }

    @Test
    void torqueText_sameFormat_sameResult() {
        Map<String, JobInfo> torque = infos(PbsTextRecords.parse(Samples.read("aiida_torque_qstat_f.txt")), PbsDialect.TORQUE);
        Map<String, JobInfo> pbspro = infos(PbsTextRecords.parse(Samples.read("aiida_pbspro_qstat_f.txt")), PbsDialect.PBSPRO);
        assertEquals(states(pbspro), states(torque));
        assertEquals(List.of("b270", "b275"), torque.get("74164.mycluster").getAllocatedMachines());
    }

    @Test
    void pbsproText_unexpectedNewlines_completedJobsWithSignalAndExitStatus() {
        Map<String, Map<String, String>> r = PbsTextRecords.parse(Samples.read("aiida_pbspro_qstat_f_unexpected_newlines.txt"));
        Map<String, JobInfo> i = infos(r, PbsDialect.TORQUE);
        assertEquals(10, i.size());
        assertEquals("host.domain:/some/path/to/sth/ASSP-1R-p/more/down/the/path/ASSP-1R.e549159", r.get("549159").get("Error_Path"));
        assertEquals("afterok:549158.service1.head.cb3.ichec.ie@service1.cb3.ichec.ie", r.get("549159").get("depend"));
        assertEquals(JobState.QUEUED_HELD, i.get("549159").getJobState());
        JobInfo running = i.get("555716");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertEquals(List.of("r2i4n13", "r1i2n12", "r1i2n11", "r1i1n15"), running.getAllocatedMachines());
        assertEquals(96L, running.getSlots(), "nodes=4:ppn=24");
        assertEquals(Instant.parse("2015-06-28T23:20:51Z"), running.getDispatchTime(), "Torque's start_time");
        JobInfo killed = i.get("546437");
        assertEquals(JobState.FAILED, killed.getJobState());
        assertEquals("C", killed.getJobSubState());
        assertEquals("SIGTERM", killed.getTerminatingSignal(), "exit_status 271 = 256 + 15");
        assertNull(killed.getExitStatus());
        assertEquals(Duration.ofHours(146).plusMinutes(3).plusSeconds(5), killed.getCpuTime());
        assertEquals(JobState.QUEUED, i.get("547637").getJobState());
        JobInfo copyFailed = i.get("543984");
        assertEquals(JobState.FAILED, copyFailed.getJobState());
        assertEquals("SIGTERM", copyFailed.getTerminatingSignal(), "exit_status after a value with real line breaks");
        assertTrue(r.get("543984").get("sched_hint").contains("\n*** error from copy\n"), r.get("543984").get("sched_hint"));
        assertEquals(Instant.parse("2015-06-17T10:48:24Z"), copyFailed.getDispatchTime());
    }

    @Test
    void torqueText_completedJob_lowercaseExitStatus() {
        Map<String, Map<String, String>> r = PbsTextRecords.parse(Samples.read("buildtest_torque_qstat_f_completed.txt"));
        JobInfo i = PbsJobRows.toJobInfo("40680075.e4spro-cluster", r.get("40680075.e4spro-cluster"), PbsDialect.TORQUE, UTC);
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertEquals("hostname_test", i.getJobName());
        assertEquals("adaptive50", i.getJobOwner());
        assertEquals(List.of("ac-d160-0-0"), i.getAllocatedMachines());
        assertEquals(Instant.parse("2024-03-25T17:42:32Z"), i.getDispatchTime());
        assertEquals(Instant.parse("2024-03-25T17:42:37Z"), i.getFinishTime(), "start plus the wall time used, a second before comp_time");
        assertEquals(Duration.ofSeconds(5), i.getWallclockTime());
        assertEquals("e4spro-cluster", i.getSubmissionMachine());
        assertEquals("-q e4spro-cluster /home/adaptive50/Documents/buildtest/var/tests/generic.torque.e4spro/sleep/hostname_test/b10fea47/stage/hostname_test.sh",
                r.get("40680075.e4spro-cluster").get("submit_args"), "8-space continuation lines joined");
    }

    @Test
    void grepOfQstat_onlyStates() {
        Map<String, JobState> s = states(infos(PbsTextRecords.parse(Samples.read("nextflow_pbspro_qstat_f_grep_jobstate.txt")), PbsDialect.PBSPRO));
        Map<String, JobState> expected = new LinkedHashMap<>();
        expected.put("12.localhost", JobState.FAILED); // F without Exit_status: no proof of success
        expected.put("13.localhost", JobState.RUNNING);
        expected.put("14.localhost", JobState.QUEUED);
        expected.put("15.localhost", JobState.SUSPENDED);
        expected.put("16.localhost", JobState.RUNNING);
        expected.put("17.localhost", JobState.QUEUED_HELD);
        assertEquals(expected, s);
    }

    @Test
    void pbsproText_gadi_longNamesAndMemoryInBytes() {
        Map<String, Map<String, String>> r = PbsTextRecords.parse(Samples.read("pysqa_pbspro_qstat_f_gadi.txt"));
        Map<String, JobInfo> i = infos(r, PbsDialect.PBSPRO);
        assertEquals(3, i.size());
        assertEquals(JobState.RUNNING, i.get("80005196.gadi-pbs").getJobState());
        assertEquals(JobState.QUEUED, i.get("80005198.gadi-pbs").getJobState());
        assertEquals("test_asdfasdfasdfasdfasdfasdfasdfasdfasdfasdf", i.get("80005198.gadi-pbs").getJobName());
        assertEquals(96L, i.get("80005197.gadi-pbs").getSlots());
        assertEquals("2:ncpus=48:mpiprocs=48:mem=34359738368:job_tags=normal:jobfs=104857600",
                r.get("80005196.gadi-pbs").get("Resource_List.select"));
        assertEquals("gadi-login-07.gadi.nci.org.au", i.get("80005196.gadi-pbs").getSubmissionMachine());
        assertEquals(68719476736L / 1024, PbsMonitoring.kib(r.get("80005196.gadi-pbs").get("Resource_List.mem")));
    }

    @Test
    void torqueXml_statesHostsAndEpochTimes() {
        Map<String, Map<String, String>> r = TorqueXml.parse(Samples.read("xenon_torque_qstat_x_xml.txt"));
        Map<String, JobInfo> i = infos(r, PbsDialect.TORQUE);
        assertEquals(7, i.size());
        assertEquals(JobState.QUEUED, i.get("8921165.batch1.lisa.surfsara.nl").getJobState());
        assertEquals(24L, i.get("8921165.batch1.lisa.surfsara.nl").getSlots(), "nodes=2:ppn=12:cores12");
        JobInfo running = i.get("8938236.batch1.lisa.surfsara.nl");
        assertEquals(JobState.RUNNING, running.getJobState());
        assertEquals(List.of("r13n30", "r13n21", "r13n17", "r13n16", "r13n13", "r13n8", "r13n4", "r13n3"), running.getAllocatedMachines());
        assertEquals(Instant.ofEpochSecond(1432372620L), running.getDispatchTime());
        assertEquals(Instant.ofEpochSecond(1431748642L), running.getSubmissionTime());
        assertEquals(Duration.ofHours(76).plusMinutes(1).plusSeconds(56), running.getWallclockTime());
        assertEquals("158207", r.get("8938236.batch1.lisa.surfsara.nl").get("Walltime.Remaining"));
        assertEquals("power_size50_gprop100_psnp10_weighted2_eff9_bg50_draw8.job", i.get("8954523.batch1.lisa.surfsara.nl").getJobName());
        assertEquals("beforeany:8949168.batch1.lisa.surfsara.nl@batch1.lisa.surfsara.nl", r.get("8941161.batch1.lisa.surfsara.nl").get("depend"));
    }

    @Test
    void torqueXml_oneDocumentPerJobId_readTogether() {
        String xml = Samples.read("xenon_torque_qstat_x_xml.txt");
        String twice = "<?xml version=\"1.0\"?>" + xml.replace("8921165.", "1.") + "<?xml version=\"1.0\"?>" + xml;
        Map<String, Map<String, String>> r = TorqueXml.parse(twice);
        assertEquals(8, r.size());
        assertEquals("Q", r.get("1.batch1.lisa.surfsara.nl").get("job_state"));
    }

    @Test
    void json_severalDocumentsInOneOutput_areMerged() {
        String a = Samples.transcript("qstat_f_json_held").stdout();
        String b = Samples.transcript("qstat_x_f_json_exit3").stdout();
        assertEquals(List.of("0.pbshost", "1.pbshost"), List.copyOf(QstatOutput.json(a + b, "Jobs").keySet()));
    }

    @Test
    void openpbs19Json_finishedJob() {
        String text = Samples.read("buildtest_openpbs19_qstat_x_f_F_json_finished.txt");
        Map<String, Map<String, String>> r = QstatOutput.json(text, "Jobs");
        JobInfo i = PbsJobRows.toJobInfo("40.pbs", r.get("40.pbs"), PbsDialect.PBSPRO, UTC);
        assertEquals(JobState.DONE, i.getJobState());
        assertEquals(0, i.getExitStatus());
        assertEquals("pbs_sleep", i.getJobName());
        assertEquals(Duration.ofSeconds(10), i.getWallclockTime());
        assertEquals(Instant.parse("2021-03-17T20:36:48Z"), i.getDispatchTime());
        assertEquals(Instant.parse("2021-03-17T20:36:58Z"), i.getFinishTime(), "OpenPBS 19 printed no obittime: stime plus the wall time used");
        assertEquals(List.of("pbs"), i.getAllocatedMachines());
        assertEquals("19.0.0", QstatOutput.jsonVersion(text));
        assertEquals("1:ncpus=1", r.get("40.pbs").get("Resource_List.select"));
    }

    @Test
    void exitStatusDecoding() {
        assertEquals(new PbsExitStatus(3, null, null), PbsExitStatus.decode("3"));
        assertEquals(new PbsExitStatus(null, "SIGKILL", null), PbsExitStatus.decode("265"));
        assertEquals("JOB_EXEC_KILL_WALLTIME: killed for exceeding walltime", PbsExitStatus.decode("-29").annotation());
        assertEquals("JOB_EXEC_FAIL1: job exec failed, before files, no retry", PbsExitStatus.decode("-1").annotation());
        assertTrue(PbsExitStatus.decode("-9").annotation().startsWith("JOB_EXEC code -9"));
        assertNull(PbsExitStatus.decode("n/a"));
        JobInfo walltime = PbsJobRows.toJobInfo("9.s", Map.of("job_state", "F", "Exit_status", "-29"), PbsDialect.PBSPRO, UTC);
        assertEquals(JobState.FAILED, walltime.getJobState());
        assertNull(walltime.getExitStatus());
        assertTrue(walltime.getAnnotation().startsWith("JOB_EXEC_KILL_WALLTIME"));
        assertEquals(JobState.UNDETERMINED, PbsJobRows.toJobInfo("9.s", Map.of("job_state", "Z"), PbsDialect.PBSPRO, UTC).getJobState());
        assertEquals(JobState.QUEUED, PbsStates.map("W", null));
        assertEquals(JobState.QUEUED, PbsStates.map("T", null));
        assertEquals(JobState.QUEUED, PbsStates.map("M", null));
        assertEquals(JobState.SUSPENDED, PbsStates.map("U", null));
        assertEquals(JobState.RUNNING, PbsStates.map("B", null));
    }
}
