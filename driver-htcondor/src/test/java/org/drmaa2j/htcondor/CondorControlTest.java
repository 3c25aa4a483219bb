// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

/** Job control, answered with the outputs the real pool gave to the same commands. */
class CondorControlTest {
    private static JobRecord job(String id, boolean late) {
        JobInfo info = JobInfo.builder().jobId(id).jobState(JobState.QUEUED).submissionTime(Instant.EPOCH).build();
        return new JobRecord(id, "s", late ? id.substring(0, id.indexOf('.')) : null, 1, org.drmaa2j.JobTemplate.builder("/bin/true").build(), info,
                late ? Map.of(CondorControl.LATE_KEY, "true") : Map.of());
    }

    @Test
    void controls_oneCommandEach_errorsCarryHTCondorsWords() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_suspend 7.0", 0, Samples.read("condor_suspend"), "")
                .on("condor_hold 7.1", 0, Samples.read("condor_hold_running"), "")
                .on("condor_suspend 6.0", 1, "", Samples.read("condor_suspend_held.stderr"))
                .on("condor_rm 7.0", 0, Samples.read("condor_rm"), "")
                .on("condor_rm 9999.0", 1, "", Samples.read("condor_rm_unknown.stderr"));
        CondorControl c = new CondorControl(r);
        assertEquals(JobState.SUSPENDED, c.control(job("7.0", false), JobAction.SUSPEND).getJobState());
        assertEquals(JobState.QUEUED_HELD, c.control(job("7.1", false), JobAction.HOLD).getJobState());
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class, () -> c.control(job("6.0", false), JobAction.SUSPEND));
        assertTrue(e.getMessage().contains("Job 6.0 not running to be suspended"), e.getMessage());
        assertNull(c.control(job("7.0", false), JobAction.TERMINATE));
        assertNull(c.control(job("9999.0", false), JobAction.TERMINATE), "a job gone from the queue has ended: the next poll reads the history");
        assertEquals(5, r.commands.size());
    }

    @Test
    void hold_ofATaskNotMaterializedYet_goesOnItsArraysHeldList() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_hold 9.1", 1, "", Samples.read("condor_hold_unmaterialized.stderr"))
                .on("condor_q -factory 9", 0, Samples.read("condor_q_factory_json"), "")
                .on("condor_qedit 9", 0, Samples.read("condor_qedit_held"), "");
        JobInfo held = new CondorControl(r).control(job("9.1", true), JobAction.HOLD);
        assertEquals(JobState.QUEUED_HELD, held.getJobState());
        assertEquals(List.of("condor_qedit", "9", CondorLateTasks.HELD, "\"1\""), r.calls("condor_qedit").get(0));
        assertEquals(2, r.calls("condor_hold").size(), "held again in case it materialized meanwhile");
    }

    @Test
    void terminate_ofATaskNotMaterializedYet_isCancelledAndFailedAtOnce() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_rm 9.2", 1, "", Samples.read("condor_rm_unmaterialized.stderr"))
                .on("condor_q -factory 9", 0, Samples.read("condor_q_factory_json"), "")
                .on("condor_qedit 9", 0, Samples.read("condor_qedit_cancel"), "");
        // ProcId 2 is not materialized yet: the factory materializes 1 next
        JobInfo gone = new CondorControl(r).control(job("9.2", true), JobAction.TERMINATE);
        assertEquals(JobState.FAILED, gone.getJobState());
        assertEquals(List.of("condor_qedit", "9", CondorLateTasks.CANCELLED, "\"2\""), r.calls("condor_qedit").get(0));
        assertEquals(2, r.calls("condor_rm").size(), "removed again in case it materialized meanwhile");
    }

    @Test
    void release_takesTheTaskOffTheHeldList_thenReleasesIt() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_q -factory 9", 0, Samples.read("condor_q_factory_json_listed"), "")
                .on("condor_qedit 9", 0, Samples.read("condor_qedit_unheld"), "")
                .on("condor_release 9.1", 0, Samples.read("condor_release_late"), "");
        assertEquals(JobState.QUEUED, new CondorControl(r).control(job("9.1", true), JobAction.RELEASE).getJobState());
        assertEquals(List.of("condor_qedit", "9", CondorLateTasks.HELD, "\"\""), r.calls("condor_qedit").get(0));
        assertEquals(1, r.calls("condor_release").size());
    }
}
