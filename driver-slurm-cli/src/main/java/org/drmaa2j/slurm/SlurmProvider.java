// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.Map;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.session.GenericSessionManager;

/**
 * The Slurm driver, {@code slurm}: sbatch, squeue, sacct, scontrol, scancel and sinfo, run on this
 * machine or where the contact string says ({@code docker://user@container}, later
 * {@code ssh://user@host:port/}). The property {@value CliRunners#CONTACT_PROPERTY} gives the default contact.
 */
public final class SlurmProvider implements Drmaa2Provider {
    static final String TEMPLATE = "/org/drmaa2j/slurm/slurm.sh.j2";
    static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "socket timed out on send/recv", "unable to contact slurm controller", "zero bytes were transmitted",
            "slurm temporarily unable to accept job", "resource temporarily unavailable", "slurmctld not responding");

    @Override
    public String getName() {
        return "slurm";
    }

    @Override
    public String getDescription() {
        return "Slurm through its command-line tools";
    }

    @Override
    public SessionManager createSessionManager(Map<String, String> properties) {
        Map<String, String> props = properties == null ? Map.of() : Map.copyOf(properties);
        return new GenericSessionManager(getName(), props, java.util.Set.of(SlurmReservationPermission.PROPERTY), context -> {
            CommandRunner runner = CliRunners.open(context, props, TRANSIENT);
            ScriptRenderer renderer = ScriptRenderer.forDriver(getName(), TEMPLATE, SlurmProvider.class, props);
            return new SlurmBackend(context, runner, renderer);
        });
    }
}
