// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.InternalException;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.spi.backend.ReservationBackend;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * Advance reservations through {@code scontrol create reservation}, {@code show reservation} and
 * {@code delete ReservationName=}. Slurm lets only
 * operators and administrators create them; {@link SlurmReservationPermission} decides whether the
 * driver offers them at all.
 */
final class SlurmReservations implements ReservationBackend {
    private static final String TIME_FORMAT = "SLURM_TIME_FORMAT=%s";

    private final CommandRunner runner;
    private final String user;

    /**
     * @param runner where scontrol runs
     * @param user the user reservations are made by (always in their {@code Users=})
     */
    SlurmReservations(CommandRunner runner, String user) {
        this.runner = runner;
        this.user = user;
    }

    @Override
    public ReservationInfo reserve(ReservationTemplate template) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<String> argv = SlurmReservationRequest.argv(template, user, suffix, Instant.now());
        CommandResult r = runner.run(Command.of(argv).notRetryable());
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
        String name = SlurmReservationRequest.name(argv);
        ReservationInfo info = info(name);
        if (info == null) {
            cancel(name);
            throw new InternalException("Slurm created reservation " + name + " but does not show it: " + r.stdout().strip());
        }
        return info;
    }

    @Override
    public ReservationInfo info(String reservationId) {
        CommandResult r = runner.run(Command.of("env", TIME_FORMAT, "scontrol", "show", "reservation", reservationId));
        if (!r.succeeded()) {
            if (isUnknown(r)) return null;
            throw new DrmCommunicationException(r.describeFailure());
        }
        for (ReservationInfo i : SlurmReservationRecords.parse(r.stdout(), ZoneId.systemDefault())) {
            if (i.reservationId().equals(reservationId)) return i;
        }
        return null;
    }

    /**
     * {@code scontrol delete ReservationName=ID}: the form every release accepts (20.11 refuses
     * {@code delete reservation ID} with "Only one option follows delete").
     */
    @Override
    public void cancel(String reservationId) {
        CommandResult r = runner.run(Command.of("scontrol", "delete", "ReservationName=" + reservationId));
        if (!r.succeeded() && !isUnknown(r)) throw new DeniedByDrmsException(r.describeFailure());
    }

    @Override
    public List<ReservationInfo> all() {
        CommandResult r = runner.run(Command.of("env", TIME_FORMAT, "scontrol", "show", "reservation"));
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return SlurmReservationRecords.parse(r.stdout(), ZoneId.systemDefault());
    }

    /** @return true when scontrol says the reservation does not exist (it ended or was deleted) */
    private static boolean isUnknown(CommandResult r) {
        String e = (r.stdout() + "\n" + r.stderr()).toLowerCase(Locale.ROOT);
        return e.contains("not found") || e.contains("requested reservation is invalid");
    }
}
