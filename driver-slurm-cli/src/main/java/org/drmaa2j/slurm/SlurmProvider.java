package org.drmaa2j.slurm;

import java.util.Map;
import org.drmaa2j.Drmaa2Provider;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.CommandRunners;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.RetryPolicy;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.session.GenericSessionManager;

/**
 * The Slurm driver, {@code slurm}: sbatch, squeue, sacct, scontrol, scancel and sinfo, run on this
 * machine or where the contact string says ({@code docker://user@container}, later
 * {@code ssh://user@host:port/}). The property {@value #CONTACT_PROPERTY} gives the default contact.
 */
public final class SlurmProvider implements Drmaa2Provider {
    /** Driver property: the contact used when a session is created without one. */
    public static final String CONTACT_PROPERTY = "drmaa2j.contact";
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
        return new GenericSessionManager(getName(), props, context -> {
            String contact = context.contact() != null && !context.contact().isBlank() ? context.contact()
                    : context.settings().get(CONTACT_PROPERTY).orElse("");
            CommandRunner runner = CommandRunners.open(Contact.parse(contact), RetryPolicy.fromProperties(props), TRANSIENT);
            ScriptRenderer renderer = ScriptRenderer.forDriver(getName(), TEMPLATE, SlurmProvider.class, props);
            return new SlurmBackend(context, runner, renderer);
        });
    }
}
