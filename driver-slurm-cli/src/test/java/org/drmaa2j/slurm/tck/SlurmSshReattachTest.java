// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reattach from another machine, against the Slurm container over SSH: two session managers with
 * separate local state directories (two "machines" that share nothing but the login node) use the
 * contact {@code slurm+ssh://drmaa@localhost:<port>/} with host key verification on. The session
 * store lives on the login node, so the second machine opens the session the first created and
 * sees the same jobs, waits for them and reads their exit statuses.
 */
class SlurmSshReattachTest {
    private static final SlurmSshTckEnvironment LOGIN_NODE = new SlurmSshTckEnvironment();
    @TempDir
    static Path machines;

    @BeforeAll
    static void start() {
        LOGIN_NODE.start();
    }

    @AfterAll
    static void stop() {
        LOGIN_NODE.stop();
    }

    private static SessionManager machine(String name) {
        Map<String, String> p = new HashMap<>(LOGIN_NODE.driverProperties());
        p.put("drmaa2j.stateDir", machines.resolve(name).toString());
        return Drmaa2.getSessionManager("slurm", p);
    }

    @Test
    void sessionCreatedOnOneMachine_opensOnAnother_withTheSameJobs() {
        List<String> submitted = new ArrayList<>();
        try (SessionManager laptop = machine("laptop")) {
            JobSession s = laptop.createJobSession("campaign", null);
            for (int code = 0; code < 3; code++) {
                submitted.add(s.runJob(JobTemplate.builder("/bin/sh").args("-c", "sleep 2; exit " + code).jobName("reattach-" + code).build()).getJobId());
            }
            s.close();
        }
        try (SessionManager portal = machine("portal")) {
            assertTrue(portal.getJobSessionNames().contains("campaign"), "the portal sees the laptop's session");
            JobSession s = portal.openJobSession("campaign");
            List<Job> jobs = s.getJobs(null);
            Set<String> ids = new TreeSet<>();
            jobs.forEach(j -> ids.add(j.getJobId()));
            assertEquals(new TreeSet<>(submitted), ids, "the same jobs on the other machine");
            for (Job j : jobs) {
                j.waitTerminated(Duration.ofMinutes(2));
                int expected = Integer.parseInt(j.getJobInfo().getJobName().substring("reattach-".length()));
                assertEquals(expected == 0 ? JobState.DONE : JobState.FAILED, j.getState(), j.getJobId());
                assertEquals(expected, j.getJobInfo().getExitStatus(), j.getJobId());
            }
            s.close();
            portal.destroyJobSession("campaign");
        }
        try (SessionManager laptop = machine("laptop")) {
            assertTrue(!laptop.getJobSessionNames().contains("campaign"), "destroyed on the login node, gone for every machine");
        }
    }
}
