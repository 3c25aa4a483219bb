// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.Locale;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.util.DriverSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the user may create reservations: Slurm allows it to operators and administrators
 * ({@code AdminLevel} in the accounting database) and to root. The property {@value #PROPERTY}
 * ({@code true} or {@code false}) overrides the answer.
 */
final class SlurmReservationPermission {
    /** Driver property: offer advance reservations ({@code true}) or not ({@code false}) without asking Slurm. */
    static final String PROPERTY = SlurmProvider.RESERVATIONS_PROPERTY;
    private static final Logger LOG = LoggerFactory.getLogger(SlurmReservationPermission.class);

    private SlurmReservationPermission() {
    }

    /**
     * @param settings the driver properties
     * @param runner where Slurm's commands run
     * @param user the user
     * @return true when the driver offers advance reservations
     */
    static boolean decide(DriverSettings settings, CommandRunner runner, String user) {
        if (settings.get(PROPERTY).isPresent()) return settings.getBoolean(PROPERTY, false);
        if ("root".equals(user)) return true;
        CommandResult r = runner.run(Command.of("sacctmgr", "--noheader", "--parsable2", "show", "user", user, "format=AdminLevel"));
        if (!r.succeeded()) {
            LOG.info("cannot learn the Slurm admin level of {}, so advance reservations are off: {}", user, r.describeFailure());
            return false;
        }
        boolean may = mayReserve(r.stdout());
        LOG.debug("Slurm admin level of {}: {} (advance reservations {})", user, r.stdout().strip(), may ? "on" : "off");
        return may;
    }

    /**
     * @param adminLevel sacctmgr's output: {@code None}, {@code Operator}, {@code Administrator} or nothing
     * @return true for operators and administrators
     */
    static boolean mayReserve(String adminLevel) {
        String level = adminLevel.strip().toLowerCase(Locale.ROOT);
        return level.equals("operator") || level.startsWith("admin");
    }
}
