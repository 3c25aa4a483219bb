// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReservationTemplateTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private static void assertRejected(String field, UnaryOperator<ReservationTemplate.Builder> setup) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> setup.apply(ReservationTemplate.builder().duration(Duration.ofMinutes(5))).build());
        assertEquals(field, e.getField(), e.getMessage());
    }

    @Test
    void build_onlyADuration_everythingElseUnset() {
        ReservationTemplate t = ReservationTemplate.builder().duration(Duration.ofMinutes(5)).build();
        assertNull(t.getReservationName());
        assertNull(t.getStartTime());
        assertNull(t.getEndTime());
        assertNull(t.getMinSlots());
        assertNull(t.getMaxSlots());
        assertNull(t.getMinPhysMemory());
        assertNull(t.getJobCategory());
        assertNull(t.getMachineOS());
        assertNull(t.getMachineArch());
        assertEquals(List.of(), t.getUsersACL());
        assertEquals(List.of(), t.getCandidateMachines());
    }

    @Test
    void startingNow_isTheBuilderShortcut() {
        assertEquals(ReservationTemplate.builder().reservationName("n").duration(Duration.ofMinutes(3)).minSlots(2L).build(),
                ReservationTemplate.startingNow("n", Duration.ofMinutes(3), 2));
    }

    @Test
    void build_badValues_nameTheField() {
        assertRejected("endTime", b -> b.duration(null));
        assertRejected("duration", b -> b.duration(Duration.ZERO));
        assertRejected("duration", b -> b.duration(Duration.ofSeconds(-1)));
        assertRejected("endTime", b -> b.startTime(T0).endTime(T0));
        assertRejected("minSlots", b -> b.minSlots(0L));
        assertRejected("maxSlots", b -> b.maxSlots(0L));
        assertRejected("maxSlots", b -> b.minSlots(3L).maxSlots(2L));
        assertRejected("minPhysMemory", b -> b.minPhysMemory(-1L));
        assertRejected("reservationName", b -> b.reservationName("a\0b"));
        assertRejected("usersACL[1]", b -> b.usersACL(java.util.Arrays.asList("alice", null)));
        assertRejected("candidateMachines[0]", b -> b.candidateMachines(List.of("n\0")));
        assertRejected("jobCategory", b -> b.jobCategory("x\ud800"));
    }

    @Test
    void builder_copiesLists_andToBuilderRoundTrips() {
        List<String> users = new ArrayList<>(List.of("alice"));
        ReservationTemplate t = ReservationTemplate.builder().reservationName("r").startTime(T0).endTime(T0.plusSeconds(60))
                .minSlots(1L).maxSlots(4L).usersACL(users).candidateMachines(List.of("n1")).minPhysMemory(1024L)
                .machineOS(OperatingSystem.LINUX).machineArch(CpuArchitecture.X64).jobCategory("c").build();
        users.add("mallory");
        assertEquals(List.of("alice"), t.getUsersACL());
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getUsersACL().add("eve"));
        assertEquals(t, t.toBuilder().build());
        assertEquals(t.hashCode(), t.toBuilder().build().hashCode());
        assertNotEquals(t, t.toBuilder().maxSlots(5L).build());
        assertTrue(t.toString().contains("reservationName=r"), t.toString());
    }
}
