// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2Callback;
import org.drmaa2j.Event;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.Notification;
import org.drmaa2j.ReservationSession;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendFactory;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.ReservationBackend;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SessionRecord;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.spi.util.MonotonicClock;
import org.drmaa2j.spi.util.SessionNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SessionManager} every driver returns from its provider: all DRMAA2 session semantics,
 * written once, on top of a {@link DriverBackend}. One backend is opened per distinct contact
 * string, lazily, and shared by the sessions using it.
 */
public final class GenericSessionManager implements SessionManager {
    private static final Logger LOG = LoggerFactory.getLogger(GenericSessionManager.class);
    private static final Version DRMAA_VERSION = new Version("0", "1");

    private final DriverSettings settings;
    private final BackendFactory factory;
    private final StoreRoot storeRoot;
    private final SessionStore store;
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final Map<String, GenericReservationSession> reservationSessions = new LinkedHashMap<>();
    private volatile Drmaa2Callback callback;
    private volatile boolean closed;
    /** The time source of the connections' pollers; tests set their own before the first session. */
    private volatile MonotonicClock pollClock = MonotonicClock.SYSTEM;

    /**
     * @param driverName the driver's short name ({@code local}, {@code slurm}, …)
     * @param properties the driver properties; see {@link DriverSettings}
     * @param factory opens the driver's backend for a contact string
     */
    public GenericSessionManager(String driverName, Map<String, String> properties, BackendFactory factory) {
        this(driverName, properties, null, factory);
    }

    /**
     * @param driverName the driver's short name ({@code local}, {@code slurm}, …)
     * @param properties the driver properties; see {@link DriverSettings}
     * @param driverKeys the driver's own property keys, for the warning about unknown ones; null to take
     *        every {@code drmaa2j.<driverName>.…} key as the driver's
     * @param factory opens the driver's backend for a contact string
     */
    public GenericSessionManager(String driverName, Map<String, String> properties, java.util.Collection<String> driverKeys,
                                 BackendFactory factory) {
        this.settings = new DriverSettings(driverName, properties, driverKeys);
        this.factory = factory;
        this.storeRoot = StoreRoot.of(settings);
        this.store = new SessionStore(storeRoot.path());
    }

    /** @param clock the time source of the pollers of connections opened from now on (tests) */
    void pollClock(MonotonicClock clock) {
        this.pollClock = clock;
    }

    /** @return the session store */
    public SessionStore store() {
        return store;
    }

    /** @return the driver settings */
    public DriverSettings settings() {
        return settings;
    }

    /**
     * @param contact a contact string, or null for the default
     * @return the backend serving it, opened if needed; for driver-specific features
     */
    public DriverBackend backend(String contact) {
        return connection(contact).backend();
    }

    @Override
    public String getDrmsName() {
        return connection(null).backend().drmsName();
    }

    @Override
    public Version getDrmsVersion() {
        return connection(null).backend().drmsVersion();
    }

    @Override
    public String getDrmaaName() {
        return "drmaa2j-" + settings.driverName();
    }

    @Override
    public Version getDrmaaVersion() {
        return DRMAA_VERSION;
    }

    @Override
    public boolean supports(Capability capability) {
        return connection(null).backend().capabilities().contains(capability);
    }

    @Override
    public JobSession createJobSession(String sessionName, String contact) {
        checkOpen();
        String name = sessionName == null ? SessionNames.generate() : SessionNames.check(sessionName);
        Connection c = connection(contact);
        store.create(name, contact);
        return register(new GenericJobSession(this, c, name, contact));
    }

    @Override
    public JobSession openJobSession(String sessionName) {
        checkOpen();
        if (sessionName == null) throw new InvalidArgumentException("sessionName", "must name an existing session");
        SessionRecord rec = store.open(SessionNames.check(sessionName));
        Connection c = connection(rec.contact());
        new SubmissionReconciler(store, c.backend(), settings).reconcile(rec.name());
        List<JobRecord> stored = store.loadJobs(rec.name());
        c.adopt(stored);
        GenericJobSession s = new GenericJobSession(this, c, rec.name(), rec.contact());
        s.restore(stored);
        return register(s);
    }

    @Override
    public void closeJobSession(JobSession session) {
        if (session != null) session.close();
    }

    @Override
    public void destroyJobSession(String sessionName) {
        checkOpen();
        if (sessionName == null) throw new InvalidArgumentException("sessionName", "must name an existing session");
        String name = SessionNames.check(sessionName);
        if (!store.exists(name)) throw new SessionManagementException("there is no job session named '" + name + "'");
        for (AutoCloseable s : open) {
            if (s instanceof GenericJobSession && ((GenericJobSession) s).getSessionName().equals(name)) {
                ((GenericJobSession) s).close();
            }
        }
        List<Connection> conns;
        synchronized (this) {
            conns = new ArrayList<>(connections.values());
        }
        for (JobRecord r : store.loadJobs(name)) {
            for (Connection c : conns) if (c.record(r.jobId()) != null) c.forget(r.jobId());
        }
        store.destroy(name);
    }

    @Override
    public List<String> getJobSessionNames() {
        checkOpen();
        return store.names();
    }

    @Override
    public ReservationSession createReservationSession(String sessionName, String contact) {
        checkOpen();
        ReservationBackend rb = reservations(contact);
        String name = sessionName == null ? SessionNames.generate() : SessionNames.check(sessionName);
        synchronized (this) {
            if (reservationSessions.containsKey(name)) {
                throw new SessionManagementException("a reservation session named '" + name + "' already exists");
            }
            GenericReservationSession s = new GenericReservationSession(name, contact, rb);
            reservationSessions.put(name, s);
            return s;
        }
    }

    @Override
    public synchronized ReservationSession openReservationSession(String sessionName) {
        checkOpen();
        reservations(null);
        GenericReservationSession s = reservationSessions.get(sessionName);
        if (s == null) throw new SessionManagementException("there is no reservation session named '" + sessionName + "'");
        return s;
    }

    @Override
    public void closeReservationSession(ReservationSession session) {
        if (session != null) session.close();
    }

    @Override
    public synchronized void destroyReservationSession(String sessionName) {
        checkOpen();
        GenericReservationSession s = reservationSessions.remove(sessionName);
        if (s == null) throw new SessionManagementException("there is no reservation session named '" + sessionName + "'");
        s.close();
    }

    @Override
    public synchronized List<String> getReservationSessionNames() {
        checkOpen();
        return new ArrayList<>(reservationSessions.keySet());
    }

    @Override
    public MonitoringSession openMonitoringSession(String contact) {
        checkOpen();
        Connection c = connection(contact);
        c.requireCapability(Capability.MONITORING, "openMonitoringSession");
        return register(new GenericMonitoringSession(this, c));
    }

    @Override
    public void closeMonitoringSession(MonitoringSession session) {
        if (session != null) session.close();
    }

    @Override
    public void registerEventNotification(Drmaa2Callback cb) {
        checkOpen();
        connection(null).requireCapability(Capability.CALLBACK, "registerEventNotification");
        this.callback = cb;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (AutoCloseable s : open) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", s, e.toString());
            }
        }
        List<Connection> conns;
        synchronized (this) {
            conns = new ArrayList<>(connections.values());
            connections.clear();
            reservationSessions.values().forEach(GenericReservationSession::close);
        }
        conns.forEach(Connection::close);
        store.close();
        storeRoot.close();
    }

    void closed(AutoCloseable session) {
        open.remove(session);
    }

    private <T extends AutoCloseable> T register(T session) {
        open.add(session);
        return session;
    }

    private ReservationBackend reservations(String contact) {
        Connection c = connection(contact);
        c.requireCapability(Capability.ADVANCE_RESERVATION, "advance reservation");
        return c.backend().reservations().orElseThrow(() -> new OperationUnsupportedException("advance reservations are not supported"));
    }

    private synchronized Connection connection(String contact) {
        checkOpen();
        String key = contact == null ? "" : contact;
        Connection c = connections.get(key);
        if (c == null) {
            c = new Connection(factory, contact, store, settings, this::stateChanged, pollClock);
            connections.put(key, c);
        }
        return c;
    }

    private void stateChanged(JobRecord r, JobInfo now) {
        Drmaa2Callback cb = callback;
        if (cb == null) return;
        try {
            cb.onNotification(new Notification(Event.NEW_STATE, r.jobId(), r.sessionName(), now.getJobState()));
        } catch (RuntimeException e) {
            LOG.warn("event callback failed: {}", e.toString());
        }
    }

    private void checkOpen() {
        if (closed) throw new InvalidSessionException("session manager is closed");
    }
}
