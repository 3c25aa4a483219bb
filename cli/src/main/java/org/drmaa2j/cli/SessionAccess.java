// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;

/** A driver's session manager and the named job session the command works in; closing closes both. */
final class SessionAccess implements AutoCloseable {
    private final SessionManager manager;
    private final JobSession session;

    private SessionAccess(SessionManager manager, JobSession session) {
        this.manager = manager;
        this.session = session;
    }

    /**
     * Opens the named session, creating it on first use.
     *
     * @param driver the driver name, or null to let the bootstrap choose
     * @param properties driver properties
     * @param sessionName the session name
     * @param contact the contact used when the session is created, or null
     * @return the open access
     */
    static SessionAccess open(String driver, Map<String, String> properties, String sessionName, String contact) {
        SessionManager manager = Drmaa2.getSessionManager(driver, properties);
        try {
            return new SessionAccess(manager, openOrCreate(manager, sessionName, contact));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static JobSession openOrCreate(SessionManager manager, String name, String contact) {
        if (manager.getJobSessionNames().contains(name)) return manager.openJobSession(name);
        try {
            return manager.createJobSession(name, contact);
        } catch (SessionManagementException e) {
            // another invocation created it in the meantime
            if (manager.getJobSessionNames().contains(name)) return manager.openJobSession(name);
            throw e;
        }
    }

    /** @return the job session */
    JobSession session() {
        return session;
    }

    /**
     * @param ids job ids
     * @return the session's jobs with those ids, in the same order
     * @throws InvalidArgumentException naming the first id the session does not have
     */
    List<Job> find(List<String> ids) {
        List<Job> jobs = new ArrayList<>();
        for (String id : ids) {
            List<Job> found = session.getJobs(JobInfo.builder().jobId(id).build());
            if (found.isEmpty()) {
                throw new InvalidArgumentException("jobId", "no job " + id + " in session " + session.getSessionName()
                        + " (driver " + manager.getDrmaaName() + "); 'drmaa2 list' shows its jobs");
            }
            jobs.add(found.get(0));
        }
        return jobs;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            manager.close();
        }
    }
}
