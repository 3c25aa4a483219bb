// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.Test;

/**
 * A session destroyed while its jobs are still ending (what the TCK does after each test): the
 * jobs' late ends are dropped on purpose, nothing fails, the session stays destroyed; a live session
 * next to it keeps every end.
 */
class GenericDestroyRaceTest extends GenericSessionTestSupport {

    @Test
    void destroyWhileJobsEnd_dropsTheLateEnds_andKeepsTheLiveSessionsEnds() throws Exception {
        open(TinyBackend.all(), 50, 60_000);
        JobSession live = sm.createJobSession("live", null);
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        List<Job> doomed = new ArrayList<>();
        List<Job> kept = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            doomed.add(js.runJob(t));
            kept.add(live.runJob(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> ends = pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    backend.push(doomed.get(i).getJobId(), JobState.DONE);
                    backend.push(kept.get(i).getJobId(), JobState.FAILED);
                }
                return null;
            });
            Future<?> destroy = pool.submit(() -> {
                sm.destroyJobSession("s1");
                return null;
            });
            destroy.get(60, TimeUnit.SECONDS);
            ends.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        js = null;
        assertFalse(sm.getJobSessionNames().contains("s1"));
        assertFalse(Files.exists(sm.store().sessionDirectory("s1")), "no late record brought the directory back");
        live.close();
        try (GenericSessionManager second = another()) {
            JobSession again = second.openJobSession("live");
            assertEquals(100, again.getJobs(null).size());
            for (Job j : again.getJobs(null)) assertEquals(JobState.FAILED, j.getState(), "every end of the live session is kept");
        }
    }
}
