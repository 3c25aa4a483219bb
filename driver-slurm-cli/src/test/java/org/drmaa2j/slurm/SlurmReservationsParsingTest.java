// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.SlotInfo;
import org.junit.jupiter.api.Test;

/** {@code scontrol show reservation} and {@code sacctmgr show user} outputs captured from Slurm 22.05.8. */
class SlurmReservationsParsingTest {
    private static final ZoneId NOT_USED = ZoneId.of("Asia/Kolkata");

    @Test
    void showReservation_multiLine_twoRecords() {
        List<ReservationInfo> all = SlurmReservationRecords.parse(
                Samples.captured("scontrol_show_reservation_epoch.txt", "env SLURM_TIME_FORMAT"), NOT_USED);
        assertEquals(2, all.size());
        ReservationInfo nightly = all.get(0);
        assertEquals("nightly-7f3a9c01", nightly.reservationId());
        assertEquals("nightly-7f3a9c01", nightly.reservationName());
        assertEquals(Instant.ofEpochSecond(1795304552), nightly.reservedStartTime());
        assertEquals(Instant.ofEpochSecond(1795305152), nightly.reservedEndTime());
        assertEquals(2, nightly.reservedSlots());
        assertEquals(List.of("drmaa"), nightly.usersACL());
        assertEquals(List.of(new SlotInfo("localhost", 2)), nightly.reservedMachines());
        ReservationInfo maint = all.get(1);
        assertEquals("maint", maint.reservationId());
        assertEquals(8, maint.reservedSlots());
        assertEquals(List.of("drmaa", "root"), maint.usersACL());
        assertEquals(Instant.ofEpochSecond(1795308152), maint.reservedStartTime());
    }

    @Test
    void showReservation_oneLiner_sameAsMultiLine() {
        List<ReservationInfo> multi = SlurmReservationRecords.parse(
                Samples.captured("scontrol_show_reservation_epoch.txt", "env SLURM_TIME_FORMAT"), NOT_USED);
        List<ReservationInfo> one = SlurmReservationRecords.parse(
                Samples.captured("scontrol_oneliner_show_reservation_epoch.txt", "env SLURM_TIME_FORMAT"), NOT_USED);
        assertEquals(multi, one);
    }

    @Test
    void showReservation_coreIdLines_givePerNodeSlots() {
        List<ReservationInfo> all = SlurmReservationRecords.parse(
                Samples.captured("scontrol_show_reservation_with_core_ids.txt", "env SLURM_TIME_FORMAT"), NOT_USED);
        assertEquals(List.of("y", "z"), all.stream().map(ReservationInfo::reservationId).toList());
        assertEquals(List.of(new SlotInfo("localhost", 2)), all.get(0).reservedMachines());
        assertEquals(List.of(new SlotInfo("localhost", 3)), all.get(1).reservedMachines());
        assertEquals(3, all.get(1).reservedSlots());
    }

    @Test
    void showReservation_tresAndCoreCountRecords() {
        List<ReservationInfo> all = SlurmReservationRecords.parse(
                Samples.captured("scontrol_show_reservation_core_lines.txt", "env SLURM_TIME_FORMAT"), NOT_USED);
        assertEquals(List.of(3L, 2L), all.stream().map(ReservationInfo::reservedSlots).toList());
    }

    @Test
    void showReservation_localTimes_readInTheClusterZone() {
        ReservationInfo i = SlurmReservationRecords.parse(
                Samples.captured("scontrol_show_reservation_local_times.txt", "scontrol show reservation"), ZoneOffset.UTC).get(0);
        assertEquals(Instant.parse("2026-11-21T23:42:32Z"), i.reservedStartTime());
        assertEquals(Instant.parse("2026-11-21T23:52:32Z"), i.reservedEndTime());
    }

    @Test
    void showReservation_none_isEmpty() {
        assertTrue(SlurmReservationRecords.parse(
                Samples.captured("scontrol_show_reservation_none.txt", "env SLURM_TIME_FORMAT"), NOT_USED).isEmpty());
    }

    @Test
    void coreIdList_counts() {
        assertEquals(2, SlurmReservationRecords.count("0-1"));
        assertEquals(4, SlurmReservationRecords.count("0-1,4,6"));
    }

    @Test
    void adminLevel_operatorMayReserve_ordinaryUserMayNot() {
        assertTrue(SlurmReservationPermission.mayReserve(
                Samples.captured("sacctmgr_adminlevel_operator.txt", "sacctmgr --noheader --parsable2 show user drmaa")));
        assertFalse(SlurmReservationPermission.mayReserve(
                Samples.captured("sacctmgr_adminlevel_none_and_denied_create.txt", "sacctmgr --noheader --parsable2 show user drmaa")));
        assertFalse(SlurmReservationPermission.mayReserve(
                Samples.captured("sacctmgr_adminlevel_none_and_denied_create.txt", "sacctmgr --noheader --parsable2 show user nobody")));
        assertTrue(SlurmReservationPermission.mayReserve("Administrator\n"));
    }
}
