// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.util.Map;
import org.drmaa2j.SessionManager;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.session.GenericSessionManager;

/**
 * The HTCondor driver, {@code htcondor}: condor_submit, condor_q, condor_history, condor_hold,
 * condor_release, condor_suspend, condor_continue, condor_rm and condor_status, run on a submit
 * host (this machine) or where the contact string says ({@code docker://user@container},
 * {@code ssh://user@host:port/}). The property {@value CliRunners#CONTACT_PROPERTY} gives the
 * default contact.
 */
public final class HTCondorProvider implements Drmaa2Provider {
    static final String TEMPLATE = "/org/drmaa2j/htcondor/htcondor.sh.j2";
    /** What HTCondor's tools print when the schedd or collector cannot be reached for a moment. */
    static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "failed to connect to", "failed to fetch ads", "connection refused",
            "can't find address", "timed out", "schedd is busy", "secman:2007");

    @Override
    public String getName() {
        return "htcondor";
    }

    @Override
    public String getDescription() {
        return "HTCondor through its command-line tools";
    }

    @Override
    public SessionManager createSessionManager(Map<String, String> properties) {
        Map<String, String> props = properties == null ? Map.of() : Map.copyOf(properties);
        return new GenericSessionManager(getName(), props, context -> {
            CommandRunner runner = CliRunners.open(context, props, TRANSIENT);
            ScriptRenderer renderer = ScriptRenderer.forDriver(getName(), TEMPLATE, HTCondorProvider.class, props);
            return new CondorBackend(context, runner, renderer);
        });
    }
}
