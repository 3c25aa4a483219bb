// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.Reservation;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.ReservationSession;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.SlotInfo;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advance reservations end to end against a real Slurm container (22.05 unless -Ddrmaa2j.slurm.version says otherwise), through the public API: an
 * ordinary user is not offered them, an operator reserves cores, runs a job in them and ends them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmReservationsTest {
    private static SlurmContainer cluster;
    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() {
        cluster = new SlurmContainer(SlurmVersion.fromSystemProperty());
        cluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.stop();
    }

    private static SessionManager manager(Map<String, String> extra) {
        Map<String, String> props = new java.util.HashMap<>(Map.of(
                "drmaa2j.contact", "docker://" + ClusterContainer.USER + "@" + cluster.getContainerId(),
                "drmaa2j.stateDir", stateDir.resolve("state-" + System.nanoTime()).toString(),
                "drmaa2j.poll.fastMillis", "500"));
        props.putAll(extra);
        return Drmaa2.getSessionManager("slurm", props);
    }

    @Test
    @Order(1)
    void ordinaryUser_isNotOfferedReservations() {
        try (SessionManager sm = manager(Map.of())) {
            assertFalse(sm.supports(Capability.ADVANCE_RESERVATION));
            assertFalse(sm.supports(Capability.RT_STARTNOW));
            assertTrue(sm.supports(Capability.JT_RESERVATION));
            assertThrows(OperationUnsupportedException.class, () -> sm.createReservationSession("rsv-ordinary", null));
            try (MonitoringSession m = sm.openMonitoringSession(null)) {
                assertThrows(OperationUnsupportedException.class, m::getAllReservations);
            }
        }
        // the override turns them on, but Slurm itself still refuses, in its own words
        try (SessionManager sm = manager(Map.of(SlurmReservationPermission.PROPERTY, "true"))) {
            assertTrue(sm.supports(Capability.ADVANCE_RESERVATION));
            ReservationSession rs = sm.createReservationSession("rsv-forced", null);
            org.drmaa2j.DeniedByDrmsException e = assertThrows(org.drmaa2j.DeniedByDrmsException.class,
                    () -> rs.requestReservation(ReservationTemplate.startingNow("forced", Duration.ofMinutes(10), 1)));
            assertTrue(e.getMessage().contains("Invalid user id"), e::getMessage);
        }
    }

    @Test
    @Order(2)
    void operator_reservesRunsAJobInItAndEndsIt() {
        ExecOutcome op = cluster.execAsRoot("sacctmgr", "-i", "modify", "user", ClusterContainer.USER, "set", "adminlevel=Operator");
        assertTrue(op.succeeded(), op::toString);
        try (SessionManager off = manager(Map.of(SlurmReservationPermission.PROPERTY, "false"))) {
            assertFalse(off.supports(Capability.ADVANCE_RESERVATION));
        }
        try (SessionManager sm = manager(Map.of())) {
            assertTrue(sm.supports(Capability.ADVANCE_RESERVATION));
            assertTrue(sm.supports(Capability.RT_STARTNOW));
            assertTrue(sm.supports(Capability.RT_DURATION));
            assertFalse(sm.supports(Capability.RT_MACHINEOS));
            ReservationSession rs = sm.createReservationSession("rsv-operator", null);
            Instant before = Instant.now().minusSeconds(2);
            Reservation res = rs.requestReservation(ReservationTemplate.startingNow("e2e", Duration.ofMinutes(10), 2));
            String id = res.getReservationId();
            assertTrue(id.startsWith("e2e-"), id);
            ReservationInfo info = res.getInfo();
            assertEquals(id, info.reservationId());
            assertEquals(2, info.reservedSlots());
            assertEquals(List.of(new SlotInfo("localhost", 2)), info.reservedMachines());
            assertTrue(info.usersACL().contains(ClusterContainer.USER), info::toString);
            assertFalse(info.reservedStartTime().isBefore(before), info::toString);
            assertEquals(Duration.ofMinutes(10), Duration.between(info.reservedStartTime(), info.reservedEndTime()));
            assertTrue(cluster.execOrFail("scontrol", "show", "reservation", id).contains("ReservationName=" + id));

            JobSession js = sm.createJobSession("rsv-jobs", null);
            Job job = js.runJob(JobTemplate.builder("/bin/hostname").reservationId(id).build());
            job.waitTerminated(Duration.ofSeconds(60));
            JobInfo ji = job.getJobInfo();
            assertEquals(JobState.DONE, ji.getJobState(), ji::toString);
            assertEquals(List.of("localhost"), ji.getAllocatedMachines());
            assertTrue(cluster.execOrFail("scontrol", "show", "job", job.getJobId()).contains("Reservation=" + id));

            assertTrue(rs.getReservations().stream().anyMatch(r -> r.getReservationId().equals(id)));
            try (MonitoringSession m = sm.openMonitoringSession(null)) {
                assertTrue(m.getAllReservations().stream().anyMatch(r -> r.getReservationId().equals(id)));
            }
            res.terminate();
            assertFalse(cluster.execOrFail("scontrol", "show", "reservation").contains(id));
            assertTrue(rs.getReservations().isEmpty());
            assertNotNull(rs.getSessionName());
        }
    }
}
