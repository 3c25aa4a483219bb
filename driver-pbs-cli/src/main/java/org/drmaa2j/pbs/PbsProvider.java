// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Set;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CliProvider;
import org.drmaa2j.spi.exec.TransientFailures;

/**
 * The PBS driver, {@code pbs}: OpenPBS/PBS Professional, Torque, and Slurm's Torque-style wrappers
 * (Debian {@code slurm-wlm-torque}), told apart by what {@code qstat --version} reports or chosen
 * with {@value PbsDialect#PROPERTY} ({@code pbspro}, {@code torque}, {@code slurm}). Commands run on
 * this machine or where the contact string says. Driver properties:
 * <ul>
 *   <li>{@value #CONTACT_PROPERTY}: the contact used when a session is created without one;</li>
 *   <li>{@value #USER_MAY_SUSPEND}: {@code true} when the site lets users run
 *       {@code qsig -s suspend|resume} (PBS allows only operators and managers by default), which
 *       turns on {@link org.drmaa2j.Capability#JOB_SUSPEND};</li>
 *   <li>{@value PbsTimes#ZONE_PROPERTY}: the cluster's time zone, default the local one;</li>
 *   <li>{@value #EXIT_DIRECTORY}: where job scripts record their exit status on the cluster,
 *       default {@code ~/.drmaa2j/pbs/exit}; {@value #EXIT_FILES}{@code =false} turns that off;</li>
 *   <li>{@code drmaa2j.template} / {@code drmaa2j.templateDir}: a site job-script template
 *       ({@code pbs.sh.j2}).</li>
 * </ul>
 */
public final class PbsProvider extends CliProvider {
    /** Driver property: the contact used when a session is created without one. */
    public static final String CONTACT_PROPERTY = CliRunners.CONTACT_PROPERTY;
    /** Driver property: {@code true} when ordinary users may suspend and resume their jobs with qsig. */
    public static final String USER_MAY_SUSPEND = "drmaa2j.pbs.userMaySuspend";
    /** Driver property: the directory on the cluster where jobs record their exit status. */
    public static final String EXIT_DIRECTORY = "drmaa2j.pbs.exitDirectory";
    /** Driver property: {@code false} to write no exit-status files. */
    public static final String EXIT_FILES = "drmaa2j.pbs.exitFiles";
    static final String TEMPLATE = "/org/drmaa2j/pbs/pbs.sh.j2";
    static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "cannot connect to server", "communication failure", "pbs_iff: cannot", "end of file",
            "server is busy", "premature end of message", "could not connect to trqauthd");

    /** Creates the provider (ServiceLoader does). */
    public PbsProvider() {
        super(TEMPLATE, TRANSIENT, Set.of(PbsDialect.PROPERTY, USER_MAY_SUSPEND, EXIT_DIRECTORY, EXIT_FILES, PbsTimes.ZONE_PROPERTY));
    }

    @Override
    public String getName() {
        return "pbs";
    }

    @Override
    public String getDescription() {
        return "OpenPBS/PBS Pro and Torque through their command-line tools";
    }

    @Override
    protected DriverBackend createBackend(CliContext cli) {
        return new PbsBackend(cli);
    }
}
