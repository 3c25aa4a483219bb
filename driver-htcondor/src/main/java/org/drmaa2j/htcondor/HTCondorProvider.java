// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.util.List;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CliProvider;
import org.drmaa2j.spi.exec.TransientFailures;

/**
 * The HTCondor driver, {@code htcondor}: condor_submit, condor_q, condor_history, condor_hold,
 * condor_release, condor_suspend, condor_continue, condor_rm and condor_status, run on a submit
 * host (this machine) or where the contact string says ({@code docker://user@container},
 * {@code ssh://user@host:port/}). The property {@value CliRunners#CONTACT_PROPERTY} gives the
 * default contact.
 */
public final class HTCondorProvider extends CliProvider {
    static final String TEMPLATE = "/org/drmaa2j/htcondor/htcondor.sh.j2";
    /** What HTCondor's tools print when the schedd or collector cannot be reached for a moment. */
    static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "failed to connect to", "failed to fetch ads", "connection refused",
            "can't find address", "timed out", "schedd is busy", "secman:2007");

    /** Creates the provider (ServiceLoader does). */
    public HTCondorProvider() {
        super(TEMPLATE, TRANSIENT, List.of()); // no properties of its own
    }

    @Override
    public String getName() {
        return "htcondor";
    }

    @Override
    public String getDescription() {
        return "HTCondor through its command-line tools";
    }

    @Override
    protected DriverBackend createBackend(CliContext cli) {
        return new CondorBackend(cli);
    }
}
