// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

/** Telling the flavours apart, what each offers, and the control commands each gets. */
class PbsDialectTest {
    /** What Slurm's Perl qstat prints for an option it does not know (Getopt::Long, then pod2usage). */
    static final String WRAPPER_VERSION_ERR = "Unknown option: version\nUsage:\n    qstat [-f] [-a|-i|-r] [-n [-1]] [-G|-M] [-u *user_list*] [-? | --help] [--man] [*job_id*...]\n";

    @Test
    void detect_openPbsTorqueAndSlurmWrappers() {
        ScriptedRunner pbs = new ScriptedRunner().on("qstat", 0, Samples.transcript("qstat_version").stdout(), "");
        assertEquals(PbsDialect.PBSPRO, PbsDialectDetector.detect(pbs, null).dialect());
        ScriptedRunner torque = new ScriptedRunner().on("qstat", 0, "Version: 6.1.3\nCommit: 661e092552de43a785c15d39a3634a541d86898e\n", "");
        PbsDialectDetector.Detected t = PbsDialectDetector.detect(torque, null);
        assertEquals(PbsDialect.TORQUE, t.dialect());
        assertEquals("6", t.version().major());
        assertEquals("1.3", t.version().minor());
        ScriptedRunner wrappers = new ScriptedRunner().on("qstat", 2, "", WRAPPER_VERSION_ERR).on("sinfo", 0, "slurm-wlm 22.05.8\n", "");
        PbsDialectDetector.Detected w = PbsDialectDetector.detect(wrappers, null);
        assertEquals(PbsDialect.SLURM_WRAPPERS, w.dialect());
        assertEquals("22", w.version().major());
        assertEquals(List.of("qstat", "sinfo"), wrappers.programs());
        ScriptedRunner nothing = new ScriptedRunner();
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> PbsDialectDetector.detect(nothing, null));
        assertTrue(e.getMessage().contains(PbsDialect.PROPERTY) && e.getMessage().contains("qstat: not found"), e.getMessage());
    }

    @Test
    void detect_propertyOverrides() {
        ScriptedRunner pbs = new ScriptedRunner().on("qstat", 0, "pbs_version = 23.06.06\n", "");
        assertEquals(PbsDialect.TORQUE, PbsDialectDetector.detect(pbs, "torque").dialect());
        assertEquals("unknown", PbsDialectDetector.detect(pbs, "torque").version().major());
        assertEquals("23", PbsDialectDetector.detect(pbs, "pbspro").version().major());
        assertEquals(PbsDialect.SLURM_WRAPPERS, PbsDialect.fromProperty("slurm"));
        assertEquals(PbsDialect.PROPERTY, assertThrows(InvalidArgumentException.class, () -> PbsDialect.fromProperty("lsf")).getField());
    }

    @Test
    void capabilities_areHonestPerDialect() {
        Set<Capability> pbspro = PbsBackend.capabilities(PbsDialect.PBSPRO, false);
        assertTrue(pbspro.containsAll(Set.of(Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD, Capability.JT_RESERVATION,
                Capability.BULK_JOBS_MAXPARALLEL, Capability.MONITORING, Capability.JT_PRIORITY, Capability.JT_START_TIME)));
        assertTrue(!pbspro.contains(Capability.JOB_SUSPEND), "qsig -s suspend is for operators and managers by default");
        assertTrue(PbsBackend.capabilities(PbsDialect.PBSPRO, true).contains(Capability.JOB_SUSPEND));
        assertTrue(PbsBackend.capabilities(PbsDialect.TORQUE, true).contains(Capability.JOB_SUSPEND));
        assertTrue(!PbsBackend.capabilities(PbsDialect.TORQUE, false).contains(Capability.JT_RESERVATION));
        Set<Capability> wrappers = PbsBackend.capabilities(PbsDialect.SLURM_WRAPPERS, true);
        assertTrue(!wrappers.contains(Capability.JOB_SUSPEND), "the wrappers have no qsig");
        assertTrue(!wrappers.contains(Capability.JT_PRIORITY), "the wrapper turns -p into a Slurm nice value");
        for (PbsDialect d : PbsDialect.values()) {
            Set<Capability> c = PbsBackend.capabilities(d, true);
            for (Capability never : List.of(Capability.JT_DEADLINE, Capability.JT_STAGING, Capability.JT_MAXSLOTS,
                    Capability.JT_CANDIDATE_MACHINES, Capability.JT_MACHINE_OS, Capability.JT_MACHINE_ARCH,
                    Capability.JT_JOB_CATEGORY, Capability.ADVANCE_RESERVATION)) {
                assertTrue(!c.contains(never), d + " " + never);
            }
        }
    }

    @Test
    void control_commandsPerDialect() {
        ScriptedRunner r = new ScriptedRunner().on("qhold", 0, "", "").on("qrls", 0, "", "").on("qsig", 0, "", "")
                .on("qdel", 35, "", "qdel: Job has finished 4.pbshost\n");
        PbsControl pbs = new PbsControl(CliCommands.onPath(r), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> null);
        JobRecord job = new JobRecord("4.pbshost", "s", null, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId("4.pbshost").jobState(JobState.QUEUED).build(), Map.of());
        assertEquals(JobState.QUEUED_HELD, pbs.control(job, JobAction.HOLD).getJobState());
        assertEquals(JobState.QUEUED, pbs.control(job, JobAction.RELEASE).getJobState());
        pbs.control(job, JobAction.SUSPEND);
        pbs.control(job, JobAction.RESUME);
        pbs.control(job, JobAction.TERMINATE); // already finished: not an error
        assertEquals(List.of(List.of("qhold", "4.pbshost"), List.of("qrls", "4.pbshost"), List.of("qsig", "-s", "suspend", "4.pbshost"),
                List.of("qsig", "-s", "resume", "4.pbshost"), List.of("qdel", "4.pbshost")),
                r.commands.stream().map(c -> c.argv()).toList());
        // Slurm's wrappers (real behaviour): qdel of an ended job exits 1 and prints nothing; qhold warns without -h
        ScriptedRunner w = new ScriptedRunner().on("qdel", 1, "", "").on("qhold", 0, "", "");
        JobRecord task = new JobRecord("45[3]", "s", "45[]", 3, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId("45[3]").jobState(JobState.RUNNING).build(), Map.of());
        SlurmTaskIds ids = new SlurmTaskIds();
        PbsControl wrappers = new PbsControl(CliCommands.onPath(w), PbsDialect.SLURM_WRAPPERS, ids, j -> null);
        wrappers.control(task, JobAction.HOLD);
        ids.learn(Map.of("45[3]", "52"));
        wrappers.control(task, JobAction.TERMINATE);
        assertEquals(List.of(List.of("qhold", "-h", "u", "45"), List.of("qdel", "52")), w.commands.stream().map(c -> c.argv()).toList(),
                "plain Slurm numbers: the array's pending record, then the task's own job");
        ScriptedRunner denied = new ScriptedRunner().on("qsig", 159, "", "qsig: Unauthorized Request  4.pbshost\n");
        org.drmaa2j.DeniedByDrmsException e = assertThrows(org.drmaa2j.DeniedByDrmsException.class,
                () -> new PbsControl(CliCommands.onPath(denied), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> null).control(job, JobAction.SUSPEND));
        assertEquals("qsig failed (exit 159): qsig: Unauthorized Request  4.pbshost", e.getMessage());
    }

    @Test
    void monitoring_torqueTextFormats() {
        String queues = "Queue: batch\n    queue_type = Execution\n    total_jobs = 0\n    enabled = True\n    started = True\n\n"
                + "Queue: debug\n    queue_type = Execution\n    enabled = True\n\n";
        assertEquals(List.of(new QueueInfo("batch"), new QueueInfo("debug")), PbsMonitoring.queues(PbsTextRecords.parse(queues)));
        String wrapperQueues = "Queue:\tdebug\n\tqueue_type = Execution\n\tresources_default.nodes = 1\n\tenabled = yes\n\tstarted = yes\n\n";
        assertEquals(List.of(new QueueInfo("debug")), PbsMonitoring.queues(PbsTextRecords.parse(wrapperQueues)));
        String nodes = "node01\n     state = free\n     power_state = Running\n     np = 4\n     ntype = cluster\n"
                + "     status = rectime=1700000000,macaddr=02:42:ac:11:00:02,cpuclock=Fixed,varattr=,jobs=,state=free,netload=1,gres=,"
                + "loadave=0.25,ncpus=4,physmem=8046236kb,availmem=9000000kb,totmem=10046236kb,idletime=5,nusers=0,nsessions=0,"
                + "uname=Linux node01 5.10.0 #1 SMP x86_64,opsys=linux\n     mom_service_port = 15002\n\n"
                + "node02\n     state = down,offline\n     np = 4\n\n";
        List<MachineInfo> m = PbsMonitoring.machines(PbsTextRecords.parseNodes(nodes));
        assertEquals(2, m.size());
        assertEquals("node01", m.get(0).name());
        assertTrue(m.get(0).available());
        assertEquals(4, m.get(0).coresPerSocket());
        assertEquals(8046236L, m.get(0).physMemory());
        assertEquals(10046236L, m.get(0).virtMemory());
        assertEquals(0.25, m.get(0).load());
        assertTrue(!m.get(1).available());
    }

    @Test
    void slurmWrappers_qsubOutputs_captured() {
        String array = Samples.read("torque-wrappers", "qsub_stdout_array_t_1-3.txt");
        String arrayId = QsubOutput.arrayId(QsubOutput.jobId(array).orElseThrow());
        assertEquals("16[]", arrayId, "the wrapper prints sbatch's bare job number");
        assertEquals("16[2]", QsubOutput.taskId(arrayId, 2));
        assertEquals("16", SlurmTaskIds.arrayNumber("16[2]"));
        String refused = Samples.read("torque-wrappers", "qsub_stdout_invalid_partition_rc1.txt");
        assertTrue(QsubOutput.jobId(refused).isEmpty());
        org.drmaa2j.spi.exec.CommandResult r = new org.drmaa2j.spi.exec.CommandResult(
                org.drmaa2j.spi.exec.Command.of("qsub"), 1, refused, "", java.time.Duration.ZERO);
        assertTrue(r.describeFailure().contains("Batch job submission failed: Invalid partition name specified"),
                "the wrapper reports sbatch's words on standard output: " + r.describeFailure());
    }
}
