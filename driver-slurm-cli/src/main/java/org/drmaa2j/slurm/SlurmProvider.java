// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CliProvider;
import org.drmaa2j.spi.exec.TransientFailures;

/**
 * The Slurm driver, {@code slurm}: sbatch, squeue, sacct, scontrol, scancel and sinfo, run on this
 * machine or where the contact string says ({@code docker://user@container}, later
 * {@code ssh://user@host:port/}). The property {@value CliRunners#CONTACT_PROPERTY} gives the default contact.
 */
public final class SlurmProvider extends CliProvider {
    /** The class-path resource of the default job script. */
    public static final String TEMPLATE = "/org/drmaa2j/slurm/slurm.sh.j2";
    /** What Slurm's commands say when a retry may help. */
    public static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "socket timed out on send/recv", "unable to contact slurm controller", "zero bytes were transmitted",
            "slurm temporarily unable to accept job", "resource temporarily unavailable", "slurmctld not responding");

    /**
     * Driver property: offer advance reservations ({@code true}) or not ({@code false}) without asking
     * Slurm's accounting whether the user is an operator.
     */
    public static final String RESERVATIONS_PROPERTY = "drmaa2j.slurm.reservations";

    /** Creates the provider (ServiceLoader does). */
    public SlurmProvider() {
        super(TEMPLATE, TRANSIENT, java.util.Set.of(RESERVATIONS_PROPERTY));
    }

    @Override
    public String getName() {
        return "slurm";
    }

    @Override
    public String getDescription() {
        return "Slurm through its command-line tools";
    }

    @Override
    protected DriverBackend createBackend(CliContext cli) {
        return new SlurmBackend(cli);
    }
}
