// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link MonitoringSession}: the read-only view of queues, machines and all jobs (MONITORING). */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class MonitoringSessionTest {

    /** @return an open monitoring session, or null after asserting and recording that monitoring is unsupported */
    private static MonitoringSession open(Tck tck) {
        if (!tck.supports(Capability.MONITORING)) {
            tck.expectUnsupportedOperation(Capability.MONITORING, () -> tck.manager().openMonitoringSession(tck.environment().contact()));
            return null;
        }
        return tck.manager().openMonitoringSession(tck.environment().contact());
    }

    @Test
    @Assertion(id = "MON-1", section = SpecSections.MONITORING_SESSION, value = "getAllQueues(null) lists at least one queue, including every queue the environment names")
    void getAllQueues_all(Tck tck) {
        try (MonitoringSession m = open(tck)) {
            if (m == null) return;
            Set<String> names = m.getAllQueues(null).stream().map(QueueInfo::name).collect(Collectors.toSet());
            assertFalse(names.isEmpty());
            assertTrue(names.containsAll(tck.environment().queueNames()), () -> "queues: " + names);
        }
    }

    @Test
    @Assertion(id = "MON-2", section = SpecSections.MONITORING_SESSION, value = "getAllQueues(names) returns only the named queues")
    void getAllQueues_filtered(Tck tck) {
        try (MonitoringSession m = open(tck)) {
            if (m == null) return;
            String q = m.getAllQueues(null).get(0).name();
            assertEquals(List.of(q), m.getAllQueues(List.of(q)).stream().map(QueueInfo::name).toList());
        }
    }

    @Test
    @Assertion(id = "MON-3", section = SpecSections.MONITORING_SESSION, value = "getAllMachines(null) lists at least one machine with a name, including every machine the environment names")
    void getAllMachines_all(Tck tck) {
        try (MonitoringSession m = open(tck)) {
            if (m == null) return;
            List<MachineInfo> all = m.getAllMachines(null);
            assertFalse(all.isEmpty());
            Set<String> names = all.stream().map(MachineInfo::name).collect(Collectors.toSet());
            assertFalse(names.contains(null) || names.contains(""), () -> "machines: " + names);
            assertTrue(names.containsAll(tck.environment().machineNames()), () -> "machines: " + names);
        }
    }

    @Test
    @Assertion(id = "MON-4", section = SpecSections.MONITORING_SESSION, value = "getAllMachines(names) returns only the named machines")
    void getAllMachines_filtered(Tck tck) {
        try (MonitoringSession m = open(tck)) {
            if (m == null) return;
            String name = m.getAllMachines(null).get(0).name();
            assertEquals(List.of(name), m.getAllMachines(List.of(name)).stream().map(MachineInfo::name).toList());
        }
    }

    @Test
    @Assertion(id = "MON-5", section = SpecSections.MONITORING_SESSION, value = "machine information is plausible: sockets, cores and threads are not negative")
    void getAllMachines_plausible(Tck tck) {
        try (MonitoringSession m = open(tck)) {
            if (m == null) return;
            for (MachineInfo i : m.getAllMachines(null)) {
                assertTrue(i.sockets() >= 0 && i.coresPerSocket() >= 0 && i.threadsPerCore() >= 0 && i.physMemory() >= 0, () -> "machine: " + i);
            }
        }
    }

    @Test
    @Assertion(id = "MON-6", section = SpecSections.MONITORING_SESSION, value = "getAllJobs lists a running job of this library, and the jobId filter selects exactly it")
    void getAllJobs_includesOwnJob(Tck tck, JobSession s) {
        Job j = s.runJob(tck.longJob().build());
        j.waitStarted(tck.jobTimeout());
        try (MonitoringSession m = open(tck)) {
            if (m == null) {
                j.terminate();
                return;
            }
            assertTrue(m.getAllJobs(null).stream().anyMatch(i -> j.getJobId().equals(i.getJobId())), "getAllJobs(null) misses the job");
            List<JobInfo> one = m.getAllJobs(JobInfo.builder().jobId(j.getJobId()).build());
            assertEquals(1, one.size());
            assertEquals(j.getJobId(), one.get(0).getJobId());
        } finally {
            j.terminate();
        }
    }

    @Test
    @Assertion(id = "MON-7", section = SpecSections.MONITORING_SESSION, value = "getAllReservations works where reservations are supported, else throws OperationUnsupportedException")
    void getAllReservations_gated(Tck tck) {
        try (MonitoringSession m = open(tck)) {
            if (m == null) return;
            if (!tck.supports(Capability.ADVANCE_RESERVATION)) {
                tck.expectUnsupportedOperation(Capability.ADVANCE_RESERVATION, m::getAllReservations);
                return;
            }
            m.getAllReservations();
        }
    }

    @Test
    @Assertion(id = "MON-8", section = SpecSections.MONITORING_SESSION, value = "a closed monitoring session throws InvalidSessionException; closing twice does nothing")
    void close_thenThrows(Tck tck) {
        MonitoringSession m = open(tck);
        if (m == null) return;
        m.close();
        m.close();
        assertThrows(InvalidSessionException.class, () -> m.getAllQueues(null));
        assertThrows(InvalidSessionException.class, () -> m.getAllJobs(null));
    }

    @Test
    @Assertion(id = "MON-9", section = SpecSections.MONITORING_SESSION, value = "closeMonitoringSession of the manager closes the session")
    void closeMonitoringSession_closes(Tck tck) {
        MonitoringSession m = open(tck);
        if (m == null) return;
        tck.manager().closeMonitoringSession(m);
        assertThrows(InvalidSessionException.class, () -> m.getAllMachines(null));
    }
}
