// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Reservation;
import org.drmaa2j.ReservationSession;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@link ReservationSession}: advance reservations (ADVANCE_RESERVATION). A reservation starting now
 * needs idle slots (Slurm answers "Requested nodes are busy" otherwise), so these tests run one at a
 * time, while no other test class runs jobs on the cluster.
 */
@ExtendWith(TckExtension.class)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class ReservationSessionTest {

    private static ReservationSession open(Tck tck) {
        if (!tck.supports(Capability.ADVANCE_RESERVATION)) {
            tck.expectUnsupportedOperation(Capability.ADVANCE_RESERVATION,
                    () -> tck.manager().createReservationSession(tck.newSessionName(), tck.environment().contact()));
            return null;
        }
        return tck.manager().createReservationSession(tck.newSessionName(), tck.environment().contact());
    }

    private static void destroy(Tck tck, ReservationSession r) {
        String name = r.getSessionName();
        r.close();
        tck.manager().destroyReservationSession(name);
    }

    @Test
    @Assertion(id = "RSV-1", section = SpecSections.RESERVATION_TEMPLATE, value = "a reservation starting now is granted with an id and at least the slots asked for (RT_STARTNOW)")
    void requestReservation_startingNow(Tck tck) {
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            ReservationTemplate t = ReservationTemplate.startingNow("tck", Duration.ofMinutes(10), 1);
            if (!tck.supports(Capability.RT_STARTNOW)) {
                tck.expectUnsupportedAttribute(Capability.RT_STARTNOW, () -> r.requestReservation(t));
                return;
            }
            Reservation res = r.requestReservation(t);
            assertNotNull(res.getReservationId());
            assertTrue(res.getInfo().reservedSlots() >= 1, () -> "info: " + res.getInfo());
            assertEquals(r.getSessionName(), res.getSessionName());
            res.terminate();
        } finally {
            destroy(tck, r);
        }
    }

    @Test
    @Assertion(id = "RSV-2", section = SpecSections.RESERVATION_SESSION, value = "getReservation(id) and getReservations return a reservation of the session")
    void getReservation_byId(Tck tck) {
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            Reservation res = r.requestReservation(ReservationTemplate.startingNow("tck", Duration.ofMinutes(10), 1));
            assertEquals(res.getReservationId(), r.getReservation(res.getReservationId()).getReservationId());
            assertTrue(r.getReservations().stream().anyMatch(x -> x.getReservationId().equals(res.getReservationId())));
            res.terminate();
        } finally {
            destroy(tck, r);
        }
    }

    @Test
    @Assertion(id = "RSV-3", section = SpecSections.RESERVATION_SESSION, value = "getReservation of an unknown id throws InvalidArgumentException")
    void getReservation_unknownThrows(Tck tck) {
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            assertThrows(InvalidArgumentException.class, () -> r.getReservation("drmaa2j-tck-no-such-reservation"));
        } finally {
            destroy(tck, r);
        }
    }

    @Test
    @Assertion(id = "RSV-4", section = SpecSections.JOB_TEMPLATE, value = "a job with reservationId runs inside the reservation (JT_RESERVATION)")
    void runJob_inReservation(Tck tck, JobSession s) {
        if (!tck.supports(Capability.JT_RESERVATION)) {
            Templates.rejected(tck, s, Capability.JT_RESERVATION, "reservationId", tck.quick().reservationId("tck-reservation").build());
            return;
        }
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            Reservation res = r.requestReservation(ReservationTemplate.startingNow("tck", Duration.ofMinutes(10), 1));
            JobTemplate t = tck.quick().reservationId(res.getReservationId()).build();
            tck.finishAs(s.runJob(t), JobState.DONE);
            res.terminate();
        } finally {
            destroy(tck, r);
        }
    }

    @Test
    @Assertion(id = "RSV-5", section = SpecSections.RESERVATION_SESSION, value = "a reservation session is listed by name until destroyed; reservations unsupported means no names")
    void getReservationSessionNames_lifecycle(Tck tck) {
        if (!tck.supports(Capability.ADVANCE_RESERVATION)) {
            assertTrue(tck.manager().getReservationSessionNames().isEmpty());
            tck.expectUnsupportedOperation(Capability.ADVANCE_RESERVATION, () -> tck.manager().openReservationSession("tck-none"));
            return;
        }
        ReservationSession r = open(tck);
        String name = r.getSessionName();
        assertTrue(tck.manager().getReservationSessionNames().contains(name));
        destroy(tck, r);
        assertFalse(tck.manager().getReservationSessionNames().contains(name));
    }

    @Test
    @Assertion(id = "RSV-6", section = SpecSections.RESERVATION, value = "terminate() ends a reservation: it is no longer listed")
    void terminate_removes(Tck tck) {
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            Reservation res = r.requestReservation(ReservationTemplate.startingNow("tck", Duration.ofMinutes(10), 1));
            res.terminate();
            assertTrue(r.getReservations().stream().noneMatch(x -> x.getReservationId().equals(res.getReservationId())));
        } finally {
            destroy(tck, r);
        }
    }

    @Test
    @Assertion(id = "RSV-7", section = SpecSections.RESERVATION_TEMPLATE, value = "the machineOS reservation attribute is honoured or rejected with UnsupportedAttributeException (RT_MACHINEOS)")
    void requestReservation_machineOS(Tck tck) {
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            ReservationTemplate t = ReservationTemplate.builder().reservationName("tck").duration(Duration.ofMinutes(10))
                    .minSlots(1L).machineOS(Templates.machineOS(tck)).build();
            if (!tck.supports(Capability.RT_MACHINEOS)) {
                tck.expectUnsupportedAttribute(Capability.RT_MACHINEOS, () -> r.requestReservation(t));
                return;
            }
            r.requestReservation(t).terminate();
        } finally {
            destroy(tck, r);
        }
    }

    @Test
    @Assertion(id = "RSV-8", section = SpecSections.RESERVATION, value = "a job in a reservation lists the reservation's machines among its allocated machines")
    void runJob_reservationMachines(Tck tck, JobSession s) {
        ReservationSession r = open(tck);
        if (r == null) return;
        try {
            if (!tck.supports(Capability.JT_RESERVATION)) {
                Templates.rejected(tck, s, Capability.JT_RESERVATION, "reservationId", tck.quick().reservationId("tck").build());
                return;
            }
            Reservation res = r.requestReservation(ReservationTemplate.startingNow("tck", Duration.ofMinutes(10), 1));
            Job j = tck.finishAs(s.runJob(tck.quick().reservationId(res.getReservationId()).build()), JobState.DONE);
            var reserved = res.getInfo().reservedMachines().stream().map(m -> m.machineName()).toList();
            if (!reserved.isEmpty()) assertTrue(reserved.containsAll(j.getJobInfo().getAllocatedMachines()));
            res.terminate();
        } finally {
            destroy(tck, r);
        }
    }
}
