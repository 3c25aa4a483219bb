// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.util.List;

/**
 * A read-only view of the whole scheduler: every user's jobs, the queues and the machines.
 * Methods of a closed session throw {@link InvalidSessionException}.
 */
public interface MonitoringSession extends AutoCloseable {
    /**
     * @param filter a {@link JobInfo#matches(JobInfo) filter}, or null for all
     * @return every job the scheduler knows, not only this library's
     */
    List<JobInfo> getAllJobs(JobInfo filter);

    /**
     * @param names queue names to return, or null for all
     * @return the queues
     */
    List<QueueInfo> getAllQueues(List<String> names);

    /**
     * @param names machine names to return, or null for all
     * @return the machines
     */
    List<MachineInfo> getAllMachines(List<String> names);

    /**
     * @return every advance reservation
     * @throws OperationUnsupportedException if {@link Capability#ADVANCE_RESERVATION} is not supported
     */
    List<Reservation> getAllReservations();

    /** Closes the session. Closing twice does nothing. */
    @Override
    void close();
}
