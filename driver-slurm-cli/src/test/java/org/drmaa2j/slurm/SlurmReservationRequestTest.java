// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.junit.jupiter.api.Test;

/** Reservation templates as {@code scontrol create reservation} argv, and scontrol's answers. */
class SlurmReservationRequestTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static ReservationTemplate template(String name, Instant start, Instant end, Duration duration, long slots,
                                                List<String> users, List<String> machines) {
        return ReservationTemplate.builder().reservationName(name).startTime(start).endTime(end).duration(duration)
                .minSlots(slots).usersACL(users).candidateMachines(machines).build();
    }

    @Test
    void startingNow_forADuration() {
        List<String> argv = SlurmReservationRequest.argv(ReservationTemplate.startingNow("nightly", Duration.ofMinutes(10), 2),
                "drmaa", "0a1b2c3d", NOW);
        assertEquals(List.of("scontrol", "create", "reservation", "ReservationName=nightly-0a1b2c3d", "StartTime=now",
                "Duration=0-00:10:00", "CoreCnt=2", "Users=drmaa"), argv);
        assertEquals("nightly-0a1b2c3d", SlurmReservationRequest.name(argv));
    }

    @Test
    void laterStartAndEnd_areRelativeToNow_andUsersAndMachinesAreListed() {
        List<String> argv = SlurmReservationRequest.argv(template(null, NOW.plusSeconds(90), NOW.plusSeconds(3690), null, 4,
                List.of("alice", "drmaa", "bob"), List.of("node1", "node2")), "drmaa", "ffffffff", NOW);
        assertEquals(List.of("scontrol", "create", "reservation", "ReservationName=drmaa2j-ffffffff", "StartTime=now+90seconds",
                "EndTime=now+3690seconds", "CoreCnt=4", "Users=drmaa,alice,bob", "Nodes=node1,node2"), argv);
    }

    @Test
    void pastStart_meansNow_andLongDurationsHaveDays() {
        List<String> argv = SlurmReservationRequest.argv(template("x", NOW.minusSeconds(5), null,
                Duration.ofHours(49).plusMinutes(2).plusSeconds(3), 1, null, null), "drmaa", "00000001", NOW);
        assertTrue(argv.contains("StartTime=now"), argv::toString);
        assertTrue(argv.contains("Duration=2-01:02:03"), argv::toString);
    }

    @Test
    void unsupportedAttributes_areRefusedByName() {
        ReservationTemplate base = ReservationTemplate.startingNow("x", Duration.ofMinutes(1), 1);
        ReservationTemplate os = base.toBuilder().machineOS(OperatingSystem.LINUX).build();
        ReservationTemplate arch = base.toBuilder().machineArch(CpuArchitecture.X64).build();
        ReservationTemplate memory = base.toBuilder().minPhysMemory(1024L).build();
        ReservationTemplate category = base.toBuilder().jobCategory("mpi").build();
        assertEquals("machineOS", refused(os));
        assertEquals("machineArch", refused(arch));
        assertEquals("minPhysMemory", refused(memory));
        assertEquals("jobCategory", refused(category));
    }

    private static String refused(ReservationTemplate t) {
        return assertThrows(UnsupportedAttributeException.class, () -> SlurmReservationRequest.argv(t, "drmaa", "1", NOW)).getAttribute();
    }

    @Test
    void valuesThatCouldSmuggleKeys_areRefusedByField() {
        assertEquals("reservationName", invalid(ReservationTemplate.startingNow("a Users=evil", Duration.ofMinutes(1), 1)));
        assertEquals("usersACL", invalid(template("x", null, null, Duration.ofMinutes(1), 1, List.of("bob,eve"), null)));
        assertEquals("candidateMachines", invalid(template("x", null, null, Duration.ofMinutes(1), 1, null, List.of("n1 Flags=MAINT"))));
        assertEquals("endTime", invalid(template("x", null, NOW.minusSeconds(1), null, 1, null, null)));
    }

    private static String invalid(ReservationTemplate t) {
        return assertThrows(InvalidArgumentException.class, () -> SlurmReservationRequest.argv(t, "drmaa", "1", NOW)).getField();
    }

    @Test
    void refusedCreation_carriesScontrolsWords() {
        String denied = Samples.captured("sacctmgr_adminlevel_none_and_denied_create.txt", "scontrol create reservation").strip();
        Scripted runner = new Scripted(new String[] {"", denied}, 1);
        SlurmReservations r = new SlurmReservations(runner, "drmaa");
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> r.reserve(ReservationTemplate.startingNow("x", Duration.ofMinutes(1), 1)));
        assertTrue(e.getMessage().contains("Error creating the reservation: Invalid user id"), e::getMessage);
        assertEquals(1, runner.commands.size());
    }

    @Test
    void unknownReservation_hasNoInfo_andDeletingItAgainIsQuiet() {
        String notFound = Samples.captured("scontrol_reservation_unknown.txt", "env SLURM_TIME_FORMAT").lines().findFirst().orElseThrow();
        assertNull(new SlurmReservations(new Scripted(new String[] {notFound, ""}, 1), "drmaa").info("nosuch"));
        String invalid = Samples.captured("scontrol_reservation_unknown.txt", "scontrol delete reservation").lines().findFirst().orElseThrow();
        new SlurmReservations(new Scripted(new String[] {"", invalid}, 1), "drmaa").cancel("nosuch");
    }

    /** Answers every command with the same output. */
    private static final class Scripted implements CommandRunner {
        final List<Command> commands = new ArrayList<>();
        private final String[] output;
        private final int exit;

        Scripted(String[] stdoutAndStderr, int exit) {
            this.output = stdoutAndStderr;
            this.exit = exit;
        }

        @Override
        public CommandResult run(Command command) {
            commands.add(command);
            return new CommandResult(command, exit, output[0], output[1], Duration.ZERO);
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }
}
