// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.Test;

/** The session's job supervisor: one for all jobs, and what happens when it is killed. */
class LocalSupervisorTest extends LocalTestSupport {

    /** @return the supervisor processes this session manager started (their script is in its state directory) */
    private List<ProcessHandle> supervisors() {
        String bin = tmp.resolve("state").resolve("bin").toString();
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> a.length > 0 && a[0].startsWith(bin)).orElse(false))
                .filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void oneSupervisor_startsEveryJob() {
        for (int i = 0; i < 5; i++) {
            Job j = js.runJob(JobTemplate.builder("/bin/true").build());
            j.waitTerminated(WAIT);
            assertEquals(JobState.DONE, j.getState());
        }
        assertEquals(1, supervisors().size(), supervisors().toString());
    }

    @Test
    void killedSupervisor_leavesItsRunningJobRunning_endsItLost_andTheNextJobStartsANewOne() throws Exception {
        Path go = tmp.resolve("go");
        Job job = js.runJob(sh("while [ ! -e \"$1\" ]; do /bin/sleep 0.05; done; exit 4", go.toString()).build());
        job.waitStarted(WAIT);
        List<ProcessHandle> first = supervisors();
        assertEquals(1, first.size());
        first.get(0).destroyForcibly(); // SIGKILL
        first.get(0).onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Job next = js.runJob(JobTemplate.builder("/bin/sh").args("-c", "exit 2").build());
        next.waitTerminated(WAIT);
        assertEquals(2, next.getJobInfo().getExitStatus(), "a new supervisor started it: " + next.getJobInfo());
        List<ProcessHandle> second = supervisors();
        assertEquals(1, second.size());
        assertNotEquals(first.get(0).pid(), second.get(0).pid());
        assertEquals(JobState.RUNNING, job.getState(), "the first job still runs: " + job.getJobInfo());

        Files.createFile(go);
        job.waitTerminated(WAIT);
        JobInfo i = job.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("LOST", i.getJobSubState());
        assertNull(i.getExitStatus(), "nothing recorded its end");
        assertTrue(i.getAnnotation().contains("killed"), i.getAnnotation());
    }
}
