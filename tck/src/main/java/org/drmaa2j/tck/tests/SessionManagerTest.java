// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link SessionManager}: identity, session life cycle and persistence across managers. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class SessionManagerTest {

    @Test
    @Assertion(id = "SM-1", section = SpecSections.SESSION_MANAGER, value = "the manager names the scheduler and its version")
    void getDrmsName_andVersion(SessionManager sm) {
        assertNotNull(sm.getDrmsName());
        assertFalse(sm.getDrmsName().isBlank());
        assertNotNull(sm.getDrmsVersion());
    }

    @Test
    @Assertion(id = "SM-2", section = SpecSections.DRMAA2J, value = "the implementation name starts with drmaa2j and has a version")
    void getDrmaaName_andVersion(SessionManager sm) {
        assertTrue(sm.getDrmaaName().startsWith("drmaa2j"), () -> "getDrmaaName: " + sm.getDrmaaName());
        assertNotNull(sm.getDrmaaVersion());
    }

    @Test
    @Assertion(id = "SM-3", section = SpecSections.DRMAA2J, value = "the driver is found by its name through Drmaa2.getSessionManager")
    void getSessionManager_byName(Tck tck) {
        SessionManager second = tck.newSessionManager();
        assertEquals(tck.manager().getDrmaaName(), second.getDrmaaName());
        assertEquals(tck.manager().getDrmsName(), second.getDrmsName());
    }

    @Test
    @Assertion(id = "SM-4", section = SpecSections.SESSION_MANAGER, value = "a created session is listed by getJobSessionNames until destroyed")
    void createJobSession_listedUntilDestroyed(Tck tck) {
        String name = tck.newSessionName();
        JobSession s = tck.track(tck.manager().createJobSession(name, tck.environment().contact()));
        assertTrue(tck.manager().getJobSessionNames().contains(name));
        tck.manager().closeJobSession(s);
        tck.manager().destroyJobSession(name);
        assertFalse(tck.manager().getJobSessionNames().contains(name));
    }

    @Test
    @Assertion(id = "SM-5", section = SpecSections.SESSION_MANAGER, value = "createJobSession with a null name generates a unique name")
    void createJobSession_nullNameGenerated(Tck tck) {
        JobSession a = tck.track(tck.manager().createJobSession(null, tck.environment().contact()));
        JobSession b = tck.track(tck.manager().createJobSession(null, tck.environment().contact()));
        assertNotNull(a.getSessionName());
        assertNotEquals(a.getSessionName(), b.getSessionName());
    }

    @Test
    @Assertion(id = "SM-6", section = SpecSections.SESSION_MANAGER, value = "creating a session with a name in use throws SessionManagementException")
    void createJobSession_duplicateNameThrows(Tck tck, JobSession s) {
        assertThrows(SessionManagementException.class, () -> tck.manager().createJobSession(s.getSessionName(), tck.environment().contact()));
    }

    @Test
    @Assertion(id = "SM-7", section = SpecSections.SESSION_MANAGER, value = "opening or destroying an unknown session throws SessionManagementException")
    void openJobSession_unknownThrows(Tck tck) {
        String name = tck.newSessionName();
        assertThrows(SessionManagementException.class, () -> tck.manager().openJobSession(name));
        assertThrows(SessionManagementException.class, () -> tck.manager().destroyJobSession(name));
    }

    @Test
    @Assertion(id = "SM-8", section = SpecSections.SESSION_MANAGER, value = "a closed session reopened by the same manager has its jobs")
    void openJobSession_afterClose(Tck tck) {
        JobSession s = tck.newSession();
        Job j = tck.finish(s.runJob(tck.quick().build()));
        s.close();
        JobSession again = tck.track(tck.manager().openJobSession(s.getSessionName()));
        Set<String> ids = again.getJobs(null).stream().map(Job::getJobId).collect(Collectors.toSet());
        assertEquals(Set.of(j.getJobId()), ids);
    }

    @Test
    @Assertion(id = "SM-9", section = SpecSections.SESSION_MANAGER, value = "a named session is reopened from a second session manager with its jobs and their states")
    void openJobSession_fromSecondManager(Tck tck) {
        JobSession s = tck.newSession();
        JobTemplate quick = tck.quick().jobName("tck-persisted").build();
        Job done = tck.finish(s.runJob(quick));
        Job failed = tck.finish(s.runJob(tck.exit(2).build()));
        s.close();
        SessionManager second = tck.newSessionManager();
        if (!tck.supports(Capability.PERSISTENT_SESSIONS)) {
            Drmaa2Exception e = assertThrows(Drmaa2Exception.class, () -> second.openJobSession(s.getSessionName()));
            assertTrue(e instanceof SessionManagementException || e instanceof OperationUnsupportedException,
                    () -> "without PERSISTENT_SESSIONS, opening from another manager throws SessionManagementException or OperationUnsupportedException, not " + e);
            tck.recordUnsupported(Capability.PERSISTENT_SESSIONS);
            return;
        }
        assertTrue(second.getJobSessionNames().contains(s.getSessionName()));
        JobSession again = second.openJobSession(s.getSessionName());
        Job d = again.getJobs(null).stream().filter(x -> x.getJobId().equals(done.getJobId())).findFirst().orElseThrow();
        Job f = again.getJobs(null).stream().filter(x -> x.getJobId().equals(failed.getJobId())).findFirst().orElseThrow();
        assertEquals(JobState.DONE, d.getState());
        assertEquals(JobState.FAILED, f.getState());
        assertEquals(2, f.getJobInfo().getExitStatus());
        assertEquals(quick, d.getJobTemplate());
        again.close();
    }

    @Test
    @Assertion(id = "SM-10", section = SpecSections.SESSION_MANAGER, value = "a job still running is controllable from a second session manager")
    void openJobSession_secondManagerControlsRunningJob(Tck tck) {
        JobSession s = tck.newSession();
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        if (!tck.supports(Capability.PERSISTENT_SESSIONS)) {
            j.terminate();
            tck.recordUnsupported(Capability.PERSISTENT_SESSIONS);
            return;
        }
        SessionManager second = tck.newSessionManager();
        JobSession again = second.openJobSession(s.getSessionName());
        Job same = again.getJobs(null).stream().filter(x -> x.getJobId().equals(j.getJobId())).findFirst().orElseThrow();
        same.terminate();
        tck.finishAs(same, JobState.FAILED);
        again.close();
        tck.finishAs(j, JobState.FAILED);
    }

    @Test
    @Assertion(id = "SM-11", section = SpecSections.DRMAA2J, value = "a closed session manager refuses to list, create or open sessions with InvalidSessionException; closing it again does nothing")
    void close_twice(Tck tck) {
        SessionManager second = tck.newSessionManager();
        second.close();
        second.close();
        assertThrows(org.drmaa2j.InvalidSessionException.class, second::getJobSessionNames);
        assertThrows(org.drmaa2j.InvalidSessionException.class, () -> second.createJobSession(tck.newSessionName(), tck.environment().contact()));
    }

    @Test
    @Assertion(id = "SM-12", section = SpecSections.DRMAA2J, value = "closing a session manager closes the sessions it opened")
    void close_closesSessions(Tck tck) {
        SessionManager second = tck.newSessionManager();
        String name = tck.newSessionName();
        JobSession s = second.createJobSession(name, tck.environment().contact());
        second.close();
        assertThrows(org.drmaa2j.InvalidSessionException.class, () -> s.getJobs(null));
    }

    @Test
    @Assertion(id = "SM-14", section = SpecSections.SESSION_MANAGER, value = "an event callback is told when a job ends, or registering one throws OperationUnsupportedException")
    void registerEventNotification_jobEnd(Tck tck, JobSession s) {
        java.util.List<org.drmaa2j.Notification> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        if (!tck.supports(Capability.CALLBACK)) {
            tck.expectUnsupportedOperation(Capability.CALLBACK, () -> tck.manager().registerEventNotification(seen::add));
            return;
        }
        SessionManager own = tck.newSessionManager();
        JobSession mine = tck.track(own.createJobSession(tck.newSessionName(), tck.environment().contact()));
        own.registerEventNotification(seen::add);
        Job j = tck.finish(mine.runJob(tck.quick().build()));
        java.time.Instant until = java.time.Instant.now().plus(tck.timings().schedulingDelay());
        while (seen.stream().noneMatch(n -> n.jobId().equals(j.getJobId()) && n.jobState() == JobState.DONE) && java.time.Instant.now().isBefore(until)) {
            Tck.pause(100);
        }
        assertTrue(seen.stream().anyMatch(n -> n.jobId().equals(j.getJobId()) && n.jobState() == JobState.DONE
                && n.event() == org.drmaa2j.Event.NEW_STATE && mine.getSessionName().equals(n.sessionName())), () -> "notifications: " + seen);
        own.registerEventNotification(null);
    }

    @Test
    @Assertion(id = "SM-16", section = SpecSections.DRMAA2J, value = "a session destroyed right after its running jobs were terminated stays destroyed, for this and a second session manager")
    void destroyJobSession_rightAfterTerminate(Tck tck) {
        String name = tck.newSessionName();
        JobSession s = tck.track(tck.manager().createJobSession(name, tck.environment().contact()));
        java.util.List<Job> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) jobs.add(s.runJob(tck.longJob().build()));
        for (Job j : jobs) j.waitStarted(tck.jobTimeout());
        for (Job j : jobs) j.terminate();
        s.close();
        tck.manager().destroyJobSession(name);
        Tck.pause(tck.timings().schedulingDelay().toMillis());
        assertFalse(tck.manager().getJobSessionNames().contains(name), "the destroyed session came back");
        assertFalse(tck.newSessionManager().getJobSessionNames().contains(name), "a second manager still sees the destroyed session");
    }

    @Test
    @Assertion(id = "SM-18", section = SpecSections.DRMAA2J, value = "a job that ended while no session manager had its session open shows its end and exit status in the reopened session at once, without a wait")
    void openJobSession_jobEndedWhileNobodyHadItOpen(Tck tck) {
        if (!tck.supports(Capability.PERSISTENT_SESSIONS)) {
            tck.recordUnsupported(Capability.PERSISTENT_SESSIONS);
            return;
        }
        String go = tck.scratchPath("go");
        String name = tck.newSessionName();
        SessionManager first = tck.newSessionManager();
        Job j = first.createJobSession(name, tck.environment().contact())
                .runJob(tck.script(JobScripts.WAIT_FOR_THEN_EXIT, go, "3").build());
        String id = j.getJobId();
        j.waitStarted(tck.jobTimeout());
        first.close(); // from now on no process has the session open; the store holds the job as running
        tck.finish(tck.newSession().runJob(tck.script(JobScripts.MKDIR, go).build())); // lets the job end
        java.time.Instant until = java.time.Instant.now().plus(tck.jobTimeout());
        while (true) {
            // each round is a new manager that reopens the session and reads at once: no wait, no poll of its own
            SessionManager fresh = tck.newSessionManager();
            try {
                Job same = fresh.openJobSession(name).getJobs(null).stream()
                        .filter(x -> x.getJobId().equals(id)).findFirst().orElseThrow();
                JobState state = same.getState();
                org.drmaa2j.JobInfo info = same.getJobInfo();
                if (state.isTerminal()) {
                    assertEquals(JobState.FAILED, state, () -> "job " + id + ": " + info);
                    assertEquals(JobState.FAILED, info.getJobState());
                    assertEquals(3, info.getExitStatus(), () -> "job " + id + ": " + info);
                    return;
                }
                if (java.time.Instant.now().isAfter(until)) {
                    org.junit.jupiter.api.Assertions.fail("job " + id + " ended while its session was closed, but a reopened session still shows it "
                            + state + " after " + tck.jobTimeout() + ": " + info);
                }
            } finally {
                fresh.close();
            }
            Tck.pause(1000);
        }
    }

    @Test
    @Assertion(id = "SM-17", section = SpecSections.DRMAA2J, value = "the driver's provider is found by its name, case-insensitively, and describes itself")
    void getProvider_byName(Tck tck) {
        String name = tck.environment().driverName();
        org.drmaa2j.provider.Drmaa2Provider p = Drmaa2.getProvider(name.toUpperCase(java.util.Locale.ROOT));
        assertTrue(p.getName().equalsIgnoreCase(name), () -> "provider " + p.getName());
        assertFalse(p.getDescription() == null || p.getDescription().isBlank());
        assertTrue(Drmaa2.getProviders().stream().anyMatch(x -> x.getName().equals(p.getName())));
    }
}
