// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Reservation;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.spi.backend.ReservationBackend;

/** A {@link MonitoringSession} answered by the backend's monitoring methods. */
public final class GenericMonitoringSession implements MonitoringSession {
    private final GenericSessionManager manager;
    private final Connection connection;
    private volatile boolean closed;

    GenericMonitoringSession(GenericSessionManager manager, Connection connection) {
        this.manager = manager;
        this.connection = connection;
    }

    @Override
    public List<JobInfo> getAllJobs(JobInfo filter) {
        check();
        List<JobInfo> all = connection.backend().allJobs();
        if (filter == null) return List.copyOf(all);
        List<JobInfo> r = new ArrayList<>();
        for (JobInfo i : all) if (filter.matches(i)) r.add(i);
        return r;
    }

    @Override
    public List<QueueInfo> getAllQueues(List<String> names) {
        check();
        List<QueueInfo> r = new ArrayList<>();
        for (QueueInfo q : connection.backend().queues()) if (names == null || names.contains(q.name())) r.add(q);
        return r;
    }

    @Override
    public List<MachineInfo> getAllMachines(List<String> names) {
        check();
        List<MachineInfo> r = new ArrayList<>();
        for (MachineInfo m : connection.backend().machines()) if (names == null || names.contains(m.name())) r.add(m);
        return r;
    }

    @Override
    public List<Reservation> getAllReservations() {
        check();
        ReservationBackend rb = connection.backend().reservations()
                .orElseThrow(() -> new OperationUnsupportedException("advance reservations are not supported by the "
                        + connection.backend().drmsName() + " driver"));
        List<Reservation> r = new ArrayList<>();
        rb.all().forEach(i -> r.add(new GenericReservation(null, null, i.reservationId(), rb)));
        return r;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        manager.closed(this);
    }

    private void check() {
        if (closed) throw new InvalidSessionException("monitoring session is closed");
    }
}
