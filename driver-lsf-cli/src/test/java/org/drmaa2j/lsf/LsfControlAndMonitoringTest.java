// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

/** Which LSF command each control and monitoring operation runs, and how its answer is read. */
class LsfControlAndMonitoringTest {
    private static JobRecord job(String id, JobState state) {
        return new JobRecord(id, "s", null, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId(id).jobState(state).build(), Map.of());
    }

    @Test
    void control_bstopHoldsOrSuspends_bresumeUndoes_bkillTerminates() {
        ScriptedRunner r = new ScriptedRunner();
        LsfControl c = new LsfControl(CliCommands.inDirectory(r, "/opt/lsf/bin"));
        JobInfo held = c.control(job("5", JobState.QUEUED), JobAction.HOLD);
        assertEquals(JobState.QUEUED_HELD, held.getJobState());
        assertEquals("PSUSP", held.getJobSubState());
        JobInfo suspended = c.control(job("6[2]", JobState.RUNNING), JobAction.SUSPEND);
        assertEquals(JobState.SUSPENDED, suspended.getJobState());
        assertEquals("USUSP", suspended.getJobSubState());
        assertEquals(JobState.QUEUED, c.control(job("5", JobState.QUEUED_HELD), JobAction.RELEASE).getJobState());
        assertEquals(JobState.RUNNING, c.control(job("6[2]", JobState.SUSPENDED), JobAction.RESUME).getJobState());
        assertNull(c.control(job("7", JobState.RUNNING), JobAction.TERMINATE));
        assertEquals(List.of(List.of("/opt/lsf/bin/bstop", "5"), List.of("/opt/lsf/bin/bstop", "6[2]"), List.of("/opt/lsf/bin/bresume", "5"),
                List.of("/opt/lsf/bin/bresume", "6[2]"), List.of("/opt/lsf/bin/bkill", "7")), r.calls);
    }

    @Test
    void control_refusalCarriesLsfsWords_butKillingAnEndedJobIsNoError() {
        ScriptedRunner r = new ScriptedRunner().answer("bstop", 255, "", "Job <5>: User permission denied\n")
                .answer("bkill", 255, "", "Job <7>: Job has already finished\n");
        LsfControl c = new LsfControl(CliCommands.inDirectory(r, null));
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class, () -> c.control(job("5", JobState.RUNNING), JobAction.SUSPEND));
        assertTrue(e.getMessage().contains("bstop failed (exit 255): Job <5>: User permission denied"), e.getMessage());
        assertNull(c.control(job("7", JobState.RUNNING), JobAction.TERMINATE));
    }

    @Test
    void monitoring_jsonQueuesAndHosts() {
        ScriptedRunner r = new ScriptedRunner()
                .answer("bqueues", 0, "{\n  \"COMMAND\":\"bqueues\",\n  \"QUEUES\":2,\n  \"RECORDS\":[\n    {\n      \"QUEUE_NAME\":\"priority\",\n"
                        + "      \"STATUS\":\"Open:Active\"\n    },\n    {\n      \"QUEUE_NAME\":\"normal\",\n      \"STATUS\":\"Open:Active\"\n    }\n  ]\n}\n", "")
                .answer("bhosts", 0, "{\n  \"COMMAND\":\"bhosts\",\n  \"HOSTS\":2,\n  \"RECORDS\":[\n    {\n      \"HOST_NAME\":\"hostA\",\n"
                        + "      \"STATUS\":\"ok\",\n      \"MAX\":\"8\"\n    },\n    {\n      \"HOST_NAME\":\"hostB\",\n"
                        + "      \"STATUS\":\"closed_Full\",\n      \"MAX\":\"8\"\n    }\n  ]\n}\n", "");
        LsfMonitoring m = new LsfMonitoring(CliCommands.inDirectory(r, null), () -> LsfDialect.MODERN);
        assertEquals(List.of(new QueueInfo("priority"), new QueueInfo("normal")), m.queues());
        List<MachineInfo> hosts = m.machines();
        assertEquals(List.of("hostA", "hostB"), hosts.stream().map(MachineInfo::name).toList());
        assertTrue(hosts.get(0).available());
        assertFalse(hosts.get(1).available(), "closed_Full takes no jobs now");
        assertEquals(List.of("bqueues", "-o", "queue_name status", "-json"), r.calls.get(0));
        assertEquals(List.of("lshosts", "-w"), r.calls.get(1));
        assertEquals(List.of("bhosts", "-o", "host_name status max", "-json"), r.calls.get(2));
        assertEquals(0, hosts.get(0).physMemory(), "lshosts answered nothing: unknown");
    }

    @Test
    void monitoring_textTablesBeforeJson() {
        // the -w layouts of bqueues and bhosts, as LSF's command reference shows them
        ScriptedRunner r = new ScriptedRunner()
                .answer("bqueues", 0, "QUEUE_NAME      PRIO STATUS          MAX JL/U JL/P JL/H NJOBS  PEND   RUN  SUSP\n"
                        + "owners           43  Open:Active       -    -    -    -     0     0     0     0\n"
                        + "normal           30  Open:Active       -    -    -    -     2     1     1     0\n", "")
                .answer("bhosts", 0, "HOST_NAME          STATUS       JL/U    MAX  NJOBS    RUN  SSUSP  USUSP    RSV\n"
                        + "hostA              ok              -      4      0      0      0      0      0\n"
                        + "hostB              unavail         -      4      0      0      0      0      0\n", "")
                .answer("lshosts", 0, "HOST_NAME                     type       model  cpuf ncpus maxmem maxswp server RESOURCES\n"
                        + "hostA                       X86_64  Intel_EM64T  60.0    16  31.2G  15.9G    Yes (mg)\n"
                        + "hostB                 LINUXPPC64LE      POWER9 100.0   160 256000M      -    Yes ()\n", "");
        LsfDialect old = LsfDialect.detect("IBM Platform LSF Standard 9.1.3.0", null, null);
        LsfMonitoring m = new LsfMonitoring(CliCommands.inDirectory(r, null), () -> old);
        assertEquals(List.of(new QueueInfo("owners"), new QueueInfo("normal")), m.queues());
        List<MachineInfo> hosts = m.machines();
        assertEquals(List.of("hostA", "hostB"), hosts.stream().map(MachineInfo::name).toList());
        assertTrue(hosts.get(0).available());
        assertFalse(hosts.get(1).available());
        assertEquals(Math.round(31.2 * 1024 * 1024), hosts.get(0).physMemory());
        assertEquals(Math.round(15.9 * 1024 * 1024), hosts.get(0).virtMemory());
        assertEquals(CpuArchitecture.X64, hosts.get(0).machineArch());
        assertEquals(256000L * 1024, hosts.get(1).physMemory());
        assertEquals(0, hosts.get(1).virtMemory());
        assertEquals(CpuArchitecture.PPC64LE, hosts.get(1).machineArch());
        assertEquals(OperatingSystem.LINUX, hosts.get(1).machineOS());
        assertEquals(OperatingSystem.OTHER_OS, hosts.get(0).machineOS(), "X86_64 does not name the operating system");
    }

    @Test
    void status_oneBjobsForAllJobsAndArrays_historyOnlyForForgottenOnes() {
        String json = "{\n  \"COMMAND\":\"bjobs\",\n  \"JOBS\":2,\n  \"RECORDS\":[\n"
                + "    {\n      \"JOBID\":\"10\",\n      \"JOBINDEX\":\"0\",\n      \"STAT\":\"RUN\",\n      \"EXEC_HOST\":\"hostA\"\n    },\n"
                + "    {\n      \"JOBID\":\"11\",\n      \"JOBINDEX\":\"2\",\n      \"STAT\":\"EXIT\",\n      \"EXIT_CODE\":\"4\"\n    }\n  ]\n}\n";
        ScriptedRunner r = new ScriptedRunner().answer("bjobs", 255, json, "Job <12> is not found\n")
                .answer("bhist", 255, "No matching job found\n", "").answer("bacct", 255, "No matching job found\n", "");
        LsfStatusQuery q = new LsfStatusQuery(CliCommands.inDirectory(r, null), () -> LsfDialect.MODERN, LsfOutputParsingTest.TIMES);
        Map<String, JobInfo> got = q.query(List.of("10", "11[2]", "11[3]", "12"));
        assertEquals(JobState.RUNNING, got.get("10").getJobState());
        assertEquals(4, got.get("11[2]").getExitStatus());
        assertEquals(2, got.size(), "jobs no command knows keep their last known information");
        assertEquals("-a", r.calls.get(0).get(r.calls.get(0).size() - 4));
        assertEquals(List.of("10", "11", "12"), r.calls.get(0).subList(r.calls.get(0).size() - 3, r.calls.get(0).size()), "each array once, by its id");
        assertEquals(List.of("bhist", "-a", "-l", "11[3]", "12"), r.calls.get(1));
        assertEquals(List.of("bacct", "-l", "11[3]", "12"), r.calls.get(2));
        assertEquals(3, r.calls.size());
        q.query(List.of("10", "11[2]", "11[3]", "12"));
        assertEquals(4, r.calls.size(), "jobs the history did not know are not asked about again at once");
        assertEquals("bjobs", r.calls.get(3).get(0));
    }

    @Test
    void status_realFailureOfBjobsIsACommunicationError() {
        ScriptedRunner r = new ScriptedRunner().answer("bjobs", 255, "", "LSF is down. Please wait ...\nlsb_init: Failed in an LSF library call\n");
        LsfStatusQuery q = new LsfStatusQuery(CliCommands.inDirectory(r, null), () -> LsfDialect.MODERN, LsfOutputParsingTest.TIMES);
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> q.query(List.of("1")));
        assertTrue(e.getMessage().contains("Failed in an LSF library call"), e.getMessage());
    }

    @Test
    void history_signalAndDoneEvents() {
        String text = "Job <20>, User <bob>, Project <default>, Command <sleep 100>\n"
                + "Tue Jun 15 09:00:00: Submitted from host <login1>, to Queue <short>, CWD <$HOME>;\n"
                + "Tue Jun 15 09:00:02: Dispatched to <node1>;\n"
                + "Tue Jun 15 09:00:10: Exited by signal 9. The CPU time used is 0.1 seconds;\n\n"
                + "Job <21[3]>, User <bob>, Project <default>, Command <true>\n"
                + "Tue Jun 15 09:01:00: Submitted from host <login1>, to Queue <short>, CWD <$HOME>;\n"
                + "Tue Jun 15 09:01:02: Dispatched to <node2>;\n"
                + "Tue Jun 15 09:01:03: Done successfully. The CPU time used is 0.0 seconds;\n\n"
                + "Job <22>, User <bob>, Project <default>, Command <true>\n"
                + "Tue Jun 15 09:02:00: Submitted from host <login1>, to Queue <short>, CWD <$HOME>;\n";
        Map<String, JobInfo> h = LsfHistory.parse(text, LsfOutputParsingTest.TIMES);
        assertEquals(JobState.FAILED, h.get("20").getJobState());
        assertEquals("SIGKILL", h.get("20").getTerminatingSignal());
        assertNull(h.get("20").getExitStatus());
        assertEquals(JobState.DONE, h.get("21[3]").getJobState());
        assertEquals(0, h.get("21[3]").getExitStatus());
        assertEquals(List.of("node2"), h.get("21[3]").getAllocatedMachines());
        assertFalse(h.containsKey("22"), "a job still pending in the history is not reported as ended");
    }
}
