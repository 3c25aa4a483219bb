// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.util.List;

/**
 * The entry point of a driver: creates, opens and destroys sessions and says what the driver can
 * do. Obtain one from {@link Drmaa2}. Closing it closes every session it opened.
 */
public interface SessionManager extends AutoCloseable {
    /** @return the scheduler's name, such as {@code Slurm} */
    String getDrmsName();

    /** @return the scheduler's version, as far as the driver can learn it */
    Version getDrmsVersion();

    /** @return the name of this implementation, {@code drmaa2j} followed by the driver name */
    String getDrmaaName();

    /** @return the version of this implementation */
    Version getDrmaaVersion();

    /**
     * @param capability an optional feature
     * @return true when the driver implements it; false means using it throws
     */
    boolean supports(Capability capability);

    /**
     * Creates a job session.
     *
     * @param sessionName a name unique for this user and driver, or null for a generated one
     * @param contact where the scheduler is, in the driver's contact syntax; null for the default
     * @return the open session
     * @throws SessionManagementException if a session with that name exists
     * @throws InvalidArgumentException if the contact string cannot be understood
     */
    JobSession createJobSession(String sessionName, String contact);

    /**
     * Opens an existing job session, in this process or a later one.
     *
     * @param sessionName its name
     * @return the open session, with the jobs it had
     * @throws SessionManagementException if there is no session with that name
     */
    JobSession openJobSession(String sessionName);

    /**
     * Closes a session; the same as {@link JobSession#close()}.
     *
     * @param session a session of this manager
     */
    void closeJobSession(JobSession session);

    /**
     * Removes a job session and its records. Its jobs are not touched on the scheduler.
     *
     * @param sessionName its name
     * @throws SessionManagementException if there is no session with that name
     */
    void destroyJobSession(String sessionName);

    /** @return names of the job sessions that exist */
    List<String> getJobSessionNames();

    /**
     * @param sessionName a unique name, or null for a generated one
     * @param contact the contact string, or null
     * @return the open session
     * @throws OperationUnsupportedException if {@link Capability#ADVANCE_RESERVATION} is not supported
     * @throws SessionManagementException if a session with that name exists
     */
    ReservationSession createReservationSession(String sessionName, String contact);

    /**
     * @param sessionName its name
     * @return the open session
     * @throws OperationUnsupportedException if {@link Capability#ADVANCE_RESERVATION} is not supported
     * @throws SessionManagementException if there is no session with that name
     */
    ReservationSession openReservationSession(String sessionName);

    /** @param session a session of this manager to close */
    void closeReservationSession(ReservationSession session);

    /**
     * @param sessionName the reservation session to remove
     * @throws SessionManagementException if there is no session with that name
     */
    void destroyReservationSession(String sessionName);

    /** @return names of the reservation sessions that exist; empty when reservations are unsupported */
    List<String> getReservationSessionNames();

    /**
     * @param contact the contact string, or null for the default
     * @return a monitoring session
     * @throws OperationUnsupportedException if {@link Capability#MONITORING} is not supported
     */
    MonitoringSession openMonitoringSession(String contact);

    /** @param session a monitoring session of this manager to close */
    void closeMonitoringSession(MonitoringSession session);

    /**
     * Registers the one callback that is told about job events of every session of this manager;
     * null unregisters it.
     *
     * @param callback the receiver, or null
     * @throws OperationUnsupportedException if {@link Capability#CALLBACK} is not supported
     */
    void registerEventNotification(Drmaa2Callback callback);

    /**
     * Closes every session this manager opened and releases its threads. Closing twice does nothing.
     * Afterwards the methods that create, open, list or destroy sessions throw {@link InvalidSessionException}.
     */
    @Override
    void close();

    /**
     * @param type a driver class or interface
     * @param <T> that type
     * @return this object as the driver's own type
     * @throws InvalidArgumentException if this object is not of that type
     */
    default <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) return type.cast(this);
        throw new InvalidArgumentException("type", getClass().getName() + " is not a " + type.getName());
    }
}
