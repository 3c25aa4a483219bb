// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link JobArray} and {@link JobSession#runBulkJobs}: indices, the index placeholder, and operations on the whole array. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class JobArrayTest {

    private static void finishAll(Tck tck, JobArray a) {
        for (Job j : a.getJobs()) tck.finish(j);
    }

    @Test
    @Assertion(id = "ARR-1", section = SpecSections.JOB_ARRAY, value = "runBulkJobs(1, 3, 1, 0) makes three tasks, in index order, each with its own id")
    void runBulkJobs_threeTasks(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.quick().build(), 1, 3, 1, 0);
        assertEquals(3, a.getJobs().size());
        assertEquals(3, a.getJobs().stream().map(Job::getJobId).distinct().count());
        finishAll(tck, a);
        for (Job j : a.getJobs()) assertEquals(JobState.DONE, j.getState());
    }

    @Test
    @Assertion(id = "ARR-2", section = SpecSections.JOB_ARRAY, value = "each task sees its index through $DRMAA2_INDEX$ in its arguments and output path")
    void runBulkJobs_indexPlaceholder(Tck tck, JobSession s) {
        String base = tck.scratchPath("bulk");
        JobTemplate t = JobTemplate.builder("/bin/echo").args("task", Placeholders.PARAMETRIC_INDEX)
                .outputPath(base + "." + Placeholders.PARAMETRIC_INDEX).build();
        JobArray a = s.runBulkJobs(t, 1, 3, 1, 0);
        finishAll(tck, a);
        for (int i = 1; i <= 3; i++) assertEquals("task " + i + "\n", tck.readFile(base + "." + i));
    }

    @Test
    @Assertion(id = "ARR-3", section = SpecSections.JOB_ARRAY, value = "begin, end and step select the indices: (2, 8, 3) runs 2, 5 and 8")
    void runBulkJobs_step(Tck tck, JobSession s) {
        String base = tck.scratchPath("step");
        JobTemplate t = tck.script(JobScripts.WRITE_TEXT, base + "." + Placeholders.PARAMETRIC_INDEX, Placeholders.PARAMETRIC_INDEX).build();
        JobArray a = s.runBulkJobs(t, 2, 8, 3, 0);
        assertEquals(3, a.getJobs().size());
        finishAll(tck, a);
        for (int i : new int[] {2, 5, 8}) assertEquals(Integer.toString(i), tck.readFile(base + "." + i));
        assertFalse(tck.exists(base + ".3"), "index 3 must not run");
    }

    @Test
    @Assertion(id = "ARR-4", section = SpecSections.JOB_ARRAY, value = "begin equal to end runs exactly one task with that index")
    void runBulkJobs_singleIndex(Tck tck, JobSession s) {
        String base = tck.scratchPath("single");
        JobArray a = s.runBulkJobs(JobTemplate.builder("/bin/echo").args(Placeholders.PARAMETRIC_INDEX).outputPath(base).build(), 4, 4, 1, 0);
        assertEquals(1, a.getJobs().size());
        finishAll(tck, a);
        assertEquals("4\n", tck.readFile(base));
    }

    @Test
    @Assertion(id = "ARR-5", section = SpecSections.JOB_ARRAY, value = "maxParallel 1 runs the tasks one after another (BULK_JOBS_MAXPARALLEL)")
    void runBulkJobs_maxParallel(Tck tck, JobSession s) {
        JobTemplate t = tck.sleep(1).build();
        if (!tck.supports(Capability.BULK_JOBS_MAXPARALLEL)) {
            tck.expectUnsupportedOperation(Capability.BULK_JOBS_MAXPARALLEL, () -> s.runBulkJobs(t, 1, 2, 1, 1));
            return;
        }
        JobArray a = s.runBulkJobs(t, 1, 3, 1, 1);
        finishAll(tck, a);
        List<JobInfo> infos = new ArrayList<>();
        for (Job j : a.getJobs()) infos.add(j.getJobInfo());
        infos.sort(Comparator.comparing(JobInfo::getDispatchTime));
        for (int i = 1; i < infos.size(); i++) {
            Instant prevEnd = infos.get(i - 1).getFinishTime();
            Instant start = infos.get(i).getDispatchTime();
            assertFalse(start.isBefore(prevEnd), "task started at " + start + " before the previous ended at " + prevEnd);
        }
    }

    @Test
    @Assertion(id = "ARR-6", section = SpecSections.JOB_ARRAY, value = "getJobArray(id) of the session returns the array with the same tasks")
    void getJobArray_byId(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.quick().build(), 1, 2, 1, 0);
        assertNotNull(a.getJobArrayId());
        JobArray again = s.getJobArray(a.getJobArrayId());
        assertEquals(a.getJobArrayId(), again.getJobArrayId());
        assertEquals(ids(a.getJobs()), ids(again.getJobs()));
        assertEquals(s.getSessionName(), a.getSessionName());
        finishAll(tck, a);
    }

    @Test
    @Assertion(id = "ARR-7", section = SpecSections.JOB_ARRAY, value = "the array and each task report the submitted template")
    void getJobTemplate_submitted(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().jobName("tck-array").build();
        JobArray a = s.runBulkJobs(t, 1, 2, 1, 0);
        assertEquals(t, a.getJobTemplate());
        finishAll(tck, a);
    }

    @Test
    @Assertion(id = "ARR-8", section = SpecSections.JOB_ARRAY, value = "terminate() on the array ends every task FAILED")
    void terminate_allTasks(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.longJob().build(), 1, 3, 1, 0);
        a.getJobs().get(0).waitStarted(tck.jobTimeout());
        a.terminate();
        for (Job j : a.getJobs()) tck.finishAs(j, JobState.FAILED);
    }

    @Test
    @Assertion(id = "ARR-9", section = SpecSections.DRMAA2J, value = "reap() on an ended array removes every task from the session")
    void reap_endedArray(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.quick().build(), 1, 3, 1, 0);
        finishAll(tck, a);
        Set<String> ids = ids(a.getJobs());
        a.reap();
        assertTrue(s.getJobs(null).stream().noneMatch(j -> ids.contains(j.getJobId())), "reaped tasks are still listed");
    }

    @Test
    @Assertion(id = "ARR-10", section = SpecSections.DRMAA2J, value = "reap() on an array with a running task throws InvalidStateException and reaps none")
    void reap_runningArrayThrows(Tck tck, JobSession s) {
        JobArray b = s.runBulkJobs(tck.longJob().build(), 1, 2, 1, 0);
        b.getJobs().get(0).waitStarted(tck.jobTimeout());
        assertThrows(InvalidStateException.class, b::reap);
        assertEquals(2, s.getJobs(null).stream().filter(j -> ids(b.getJobs()).contains(j.getJobId())).count(), "no task may be reaped");
        b.terminate();
    }

    @Test
    @Assertion(id = "ARR-11", section = SpecSections.JOB_ARRAY, value = "an array submitted held keeps every task QUEUED_HELD until release() of the array")
    void release_heldArray(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().submitAsHold(true).build();
        if (!tck.supports(Capability.JT_SUBMIT_AS_HOLD)) {
            tck.expectUnsupportedAttribute(Capability.JT_SUBMIT_AS_HOLD, () -> s.runBulkJobs(t, 1, 2, 1, 0));
            return;
        }
        JobArray a = s.runBulkJobs(t, 1, 2, 1, 0);
        for (Job j : a.getJobs()) assertEquals(JobState.QUEUED_HELD, j.getState());
        if (!tck.supports(Capability.JOB_HOLD)) {
            tck.expectUnsupportedOperation(Capability.JOB_HOLD, a::release);
            a.terminate();
            return;
        }
        a.release();
        for (Job j : a.getJobs()) tck.finishAs(j, JobState.DONE);
    }

    @Test
    @Assertion(id = "ARR-12", section = SpecSections.JOB_ARRAY, value = "suspend() and resume() on the array apply to every running task (JOB_SUSPEND)")
    void suspend_runningArray(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.longJob().build(), 1, 2, 1, 0);
        for (Job j : a.getJobs()) j.waitStarted(tck.jobTimeout());
        if (!tck.supports(Capability.JOB_SUSPEND)) {
            tck.expectUnsupportedOperation(Capability.JOB_SUSPEND, a::suspend);
            a.terminate();
            return;
        }
        a.suspend();
        for (Job j : a.getJobs()) tck.awaitState(j, JobState.SUSPENDED);
        a.resume();
        for (Job j : a.getJobs()) tck.awaitState(j, JobState.RUNNING);
        a.terminate();
    }

    @Test
    @Assertion(id = "ARR-13", section = SpecSections.JOB_ARRAY, value = "an array operation that applies to no task throws InvalidStateException")
    void resume_noSuspendedTaskThrows(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.quick().build(), 1, 2, 1, 0);
        finishAll(tck, a);
        tck.expectInvalidState(Capability.JOB_SUSPEND, a::resume);
    }

    @Test
    @Assertion(id = "ARR-14", section = SpecSections.JOB_SESSION, value = "tasks are listed by getJobs of the session, and the failed ones keep their own exit status")
    void getJobs_listsTasks(Tck tck, JobSession s) {
        JobArray a = s.runBulkJobs(tck.script(JobScripts.EXIT, Placeholders.PARAMETRIC_INDEX).build(), 1, 2, 1, 0);
        finishAll(tck, a);
        assertTrue(ids(s.getJobs(null)).containsAll(ids(a.getJobs())));
        assertEquals(1, a.getJobs().get(0).getJobInfo().getExitStatus());
        assertEquals(2, a.getJobs().get(1).getJobInfo().getExitStatus());
    }

    private static Set<String> ids(List<Job> jobs) {
        return jobs.stream().map(Job::getJobId).collect(Collectors.toSet());
    }
}
