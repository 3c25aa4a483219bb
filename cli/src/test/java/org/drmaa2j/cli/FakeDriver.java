// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2Callback;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.JobSession;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.ReservationSession;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.Version;

/**
 * An in-memory driver named {@code fake} for testing the command without a scheduler. Sessions and
 * their jobs live in static maps, so they persist across command invocations in one JVM, as a
 * real driver's persistent sessions persist across processes. What a job does is chosen by its
 * command: see {@link FakeJob}.
 */
public final class FakeDriver implements Drmaa2Provider {
    /** Sessions by name. */
    static final Map<String, Map<String, FakeJob>> SESSIONS = new ConcurrentHashMap<>();
    /** The properties and contact the last session manager and session were created with. */
    static volatile Map<String, String> lastProperties;
    static volatile String lastContact;

    static void reset() {
        SESSIONS.clear();
        lastProperties = null;
        lastContact = null;
        FakeJob.resetIds();
    }

    @Override
    public String getName() {
        return "fake";
    }

    @Override
    public String getDescription() {
        return "in-memory test driver";
    }

    @Override
    public SessionManager createSessionManager(Map<String, String> properties) {
        lastProperties = Map.copyOf(properties);
        return new Manager();
    }

    private static final class Manager implements SessionManager {
        private final List<FakeSession> open = new ArrayList<>();

        @Override public String getDrmsName() { return "Fake"; }
        @Override public Version getDrmsVersion() { return new Version("1", "0"); }
        @Override public String getDrmaaName() { return "drmaa2j-fake"; }
        @Override public Version getDrmaaVersion() { return new Version("0", "1"); }
        @Override public boolean supports(Capability capability) {
            return capability == Capability.PERSISTENT_SESSIONS || capability == Capability.JOB_HOLD;
        }

        @Override
        public JobSession createJobSession(String sessionName, String contact) {
            if (SESSIONS.putIfAbsent(sessionName, new ConcurrentHashMap<>()) != null) {
                throw new SessionManagementException("session " + sessionName + " exists");
            }
            lastContact = contact;
            return track(new FakeSession(sessionName, contact, SESSIONS.get(sessionName)));
        }

        @Override
        public JobSession openJobSession(String sessionName) {
            Map<String, FakeJob> jobs = SESSIONS.get(sessionName);
            if (jobs == null) throw new SessionManagementException("no session " + sessionName);
            return track(new FakeSession(sessionName, null, jobs));
        }

        private JobSession track(FakeSession s) {
            open.add(s);
            return s;
        }

        @Override public void closeJobSession(JobSession session) { session.close(); }
        @Override public void destroyJobSession(String sessionName) { SESSIONS.remove(sessionName); }
        @Override public List<String> getJobSessionNames() { return new ArrayList<>(SESSIONS.keySet()); }
        @Override public ReservationSession createReservationSession(String n, String c) { throw unsupported(); }
        @Override public ReservationSession openReservationSession(String n) { throw unsupported(); }
        @Override public void closeReservationSession(ReservationSession s) { throw unsupported(); }
        @Override public void destroyReservationSession(String n) { throw unsupported(); }
        @Override public List<String> getReservationSessionNames() { return List.of(); }
        @Override public MonitoringSession openMonitoringSession(String c) { throw unsupported(); }
        @Override public void closeMonitoringSession(MonitoringSession s) { throw unsupported(); }
        @Override public void registerEventNotification(Drmaa2Callback c) { throw unsupported(); }

        @Override
        public void close() {
            open.forEach(FakeSession::close);
        }

        private static OperationUnsupportedException unsupported() {
            return new OperationUnsupportedException("not in the fake driver");
        }
    }
}
