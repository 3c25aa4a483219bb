// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.MonotonicClock;
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
                .on("condor_q 7.0 -af JobStatus", 0, Samples.read("condor_q_af_status_suspended"), "")
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
        assertEquals(6, r.commands.size(), "the suspension is confirmed with one condor_q");
    }

    /** A clock that moves only when waited on: every pause passes at once, in full. */
    static final class SteppingClock implements MonotonicClock {
        final AtomicLong now = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void timedWait(Object monitor, long nanos) {
            now.addAndGet(nanos);
        }
    }

    private static CondorControl control(ReplayRunner r, SteppingClock clock, Duration cap) {
        return new CondorControl(r, new CondorStatusWait(r, clock, cap));
    }

    @Test
    void suspend_isDoneOnlyOnceTheScheddShowsTheJobSuspended() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_suspend 7.0", 0, Samples.read("condor_suspend"), "")
                .onEach("condor_q 7.0 -af JobStatus", Samples.read("condor_q_af_status_running"), Samples.read("condor_q_af_status_running"),
                        Samples.read("condor_q_af_status_suspended"));
        JobInfo info = control(r, new SteppingClock(), CondorStatusWait.DEFAULT_CAP).control(job("7.0", false), JobAction.SUSPEND);
        assertEquals(JobState.SUSPENDED, info.getJobState());
        assertEquals(3, r.calls("condor_q").size(), "asked until JobStatus 7 showed");
        assertEquals(List.of("condor_suspend", "7.0"), r.commands.get(0).argv(), "condor_suspend first, then condor_q");
    }

    @Test
    void resume_isDoneOnlyOnceTheScheddShowsTheJobRunningAgain() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_continue 7.0", 0, Samples.read("condor_continue"), "")
                .onEach("condor_q 7.0 -af JobStatus", Samples.read("condor_q_af_status_suspended"), Samples.read("condor_q_af_status_running"));
        JobInfo info = control(r, new SteppingClock(), CondorStatusWait.DEFAULT_CAP).control(job("7.0", false), JobAction.RESUME);
        assertEquals(JobState.RUNNING, info.getJobState());
        assertEquals(2, r.calls("condor_q").size());
    }

    @Test
    void suspend_ofAJobThatLeftTheQueueMeanwhile_leavesItsStateToTheNextPoll() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_suspend 7.0", 0, Samples.read("condor_suspend"), "")
                .on("condor_q 7.0 -af JobStatus", 0, Samples.read("condor_q_af_status_gone"), "");
        assertNull(control(r, new SteppingClock(), CondorStatusWait.DEFAULT_CAP).control(job("7.0", false), JobAction.SUSPEND));
        assertEquals(1, r.calls("condor_q").size());
    }

    @Test
    void suspend_neverShown_failsAtTheSafetyCap_namingTheJobAndTheCommand() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_suspend 7.0", 0, Samples.read("condor_suspend"), "")
                .on("condor_q 7.0 -af JobStatus", 0, Samples.read("condor_q_af_status_running"), "");
        SteppingClock clock = new SteppingClock();
        Duration cap = Duration.ofSeconds(10);
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                () -> control(r, clock, cap).control(job("7.0", false), JobAction.SUSPEND));
        assertTrue(e.getMessage().contains("condor_suspend 7.0"), e.getMessage());
        assertTrue(e.getMessage().contains("JobStatus 2"), e.getMessage());
        assertTrue(clock.now.get() >= cap.toNanos(), "gave up only once the cap had passed on the given clock");
        // pauses of 0.1, 0.2, 0.4, 0.8, 1.6, then 2 s: looks at 0, 0.1, 0.3, 0.7, 1.5, 3.1, 5.1, 7.1, 9.1 and 11.1 s
        assertEquals(10, r.calls("condor_q").size());
    }

    @Test
    void resume_refusedByTheSchedd_isAnErrorWithHTCondorsWords_andNothingIsAwaited() {
        ReplayRunner r = new ReplayRunner().on("condor_continue 7.0", 1, "", Samples.read("condor_continue_again.stderr"));
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> control(r, new SteppingClock(), CondorStatusWait.DEFAULT_CAP).control(job("7.0", false), JobAction.RESUME));
        assertTrue(e.getMessage().contains("not running to be continued"), e.getMessage());
        assertEquals(0, r.calls("condor_q").size());
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
