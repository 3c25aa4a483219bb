// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.Test;

class LocalPersistenceTest extends LocalTestSupport {

    @Test
    void sessionReopenedInThisJvm_afterASecondJvmSubmitted() throws Exception {
        Path out = tmp.resolve("written");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecondJvmMain.class.getName(),
                tmp.resolve("state").toString(), "shared", out.toString())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        assertTrue(child.waitFor(40, TimeUnit.SECONDS), "the second JVM did not finish");
        List<String> ids = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        assertEquals(0, child.exitValue(), read(tmp.resolve("child.err")));
        assertEquals(5, ids.size(), ids.toString());

        JobSession reopened = sm.openJobSession("shared");
        Map<String, Job> jobs = reopened.getJobs(null).stream().collect(Collectors.toMap(Job::getJobId, j -> j));
        assertEquals(5, jobs.size());
        Job done = jobs.get(ids.get(0));
        Job failed = jobs.get(ids.get(1));
        Job running = jobs.get(ids.get(2));
        Job held = jobs.get(ids.get(3));
        Job delayed = jobs.get(ids.get(4));

        assertEquals(JobState.DONE, done.getState());
        assertEquals(0, done.getJobInfo().getExitStatus());
        assertEquals(JobState.FAILED, failed.getState());
        assertEquals(7, failed.getJobInfo().getExitStatus());

        running.waitTerminated(WAIT);
        JobInfo r = running.getJobInfo();
        assertEquals(JobState.FAILED, r.getJobState());
        assertEquals(4, r.getExitStatus(), r.toString());

        assertEquals(JobState.QUEUED_HELD, held.getState());
        held.release();
        held.waitTerminated(WAIT);
        delayed.waitTerminated(WAIT);
        assertEquals(JobState.DONE, delayed.getState());
        assertEquals(JobState.DONE, held.getState());
        String written = read(out);
        assertTrue(written.contains("held") && written.contains("delayed"), written);
        reopened.close();

        // a third manager (as a third process would) sees the final states from the store
        try (SessionManager third = new LocalProvider().createSessionManager(properties())) {
            JobSession s = third.openJobSession("shared");
            assertEquals(JobState.FAILED, s.getJobs(null).stream().filter(j -> j.getJobId().equals(ids.get(2))).findFirst().orElseThrow().getState());
            assertEquals(5, s.getJobs(JobInfo.builder().queueName("local").build()).size());
            assertEquals(1, s.getJobs(JobInfo.builder().exitStatus(7).build()).size());
        }
    }

    @Test
    void sessionNames_createOpenDestroy() {
        String name = js.getSessionName();
        assertTrue(sm.getJobSessionNames().contains(name));
        assertThrows(SessionManagementException.class, () -> sm.createJobSession(name, null));
        assertThrows(SessionManagementException.class, () -> sm.openJobSession("no-such-session"));
        Job j = js.runJob(JobTemplate.builder("/bin/echo").build());
        j.waitTerminated(WAIT);
        JobSession again = sm.openJobSession(name);
        assertEquals(List.of(j.getJobId()), again.getJobs(null).stream().map(Job::getJobId).collect(Collectors.toList()));
        sm.destroyJobSession(name);
        assertTrue(!sm.getJobSessionNames().contains(name));
        assertThrows(SessionManagementException.class, () -> sm.openJobSession(name));
        assertThrows(SessionManagementException.class, () -> sm.destroyJobSession(name));
        assertTrue(!new File(tmp.resolve("state").toFile(), "sessions/" + name).exists());
        js = sm.createJobSession(name, null);
        assertTrue(js.getJobs(null).isEmpty());
    }
}
