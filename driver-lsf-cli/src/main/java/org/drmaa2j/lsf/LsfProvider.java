// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CliProvider;
import org.drmaa2j.spi.exec.TransientFailures;

/**
 * The IBM Spectrum LSF driver, {@code lsf}: bsub, bjobs, bhist, bacct, bstop, bresume, bkill,
 * bqueues, bhosts, lshosts and lsid, run on this machine or where the contact string says. Driver properties:
 * <ul>
 *   <li>{@value #CONTACT_PROPERTY}: the contact used when a session is created without one;</li>
 *   <li>{@value #BIN_DIR_PROPERTY}: the directory holding the LSF commands (LSF_BINDIR), when they are not on the PATH;</li>
 *   <li>{@value #FORMAT_PROPERTY}: {@code json} or {@code delimited}, overriding what the release reported by
 *       {@code lsid} implies (JSON from LSF 10.1.0.2 on);</li>
 *   <li>{@value #UNIT_PROPERTY}: the site's LSF_UNIT_FOR_LIMITS, needed only before 10.1.0.2 for memory values;</li>
 *   <li>{@value #TIME_ZONE_PROPERTY}: the time zone LSF prints times in (default: this JVM's).</li>
 * </ul>
 */
public final class LsfProvider extends CliProvider {
    /** Driver property: the contact used when a session is created without one. */
    public static final String CONTACT_PROPERTY = CliRunners.CONTACT_PROPERTY;
    /** Driver property: the directory of the LSF commands. */
    public static final String BIN_DIR_PROPERTY = "drmaa2j.lsf.binDir";
    /** Driver property: {@code json} or {@code delimited} bjobs output. */
    public static final String FORMAT_PROPERTY = "drmaa2j.lsf.outputFormat";
    /** Driver property: the site's LSF_UNIT_FOR_LIMITS (KB, MB, GB, TB). */
    public static final String UNIT_PROPERTY = "drmaa2j.lsf.unitForLimits";
    /** Driver property: the cluster's time zone, such as {@code Europe/Zurich}. */
    public static final String TIME_ZONE_PROPERTY = "drmaa2j.lsf.timeZone";
    static final String TEMPLATE = "/org/drmaa2j/lsf/lsf.sh.j2";
    static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "lsf daemon (lim) not responding", "batch system daemon not responding", "lsb_init: failed",
            "failed in an lsf library call", "master lim is down", "lim is down", "cannot connect to lsf");

    /** Creates the provider (ServiceLoader does). */
    public LsfProvider() {
        super(TEMPLATE, TRANSIENT, java.util.Set.of(BIN_DIR_PROPERTY, FORMAT_PROPERTY, UNIT_PROPERTY, TIME_ZONE_PROPERTY));
    }

    @Override
    public String getName() {
        return "lsf";
    }

    @Override
    public String getDescription() {
        return "IBM Spectrum LSF through its command-line tools";
    }

    @Override
    protected DriverBackend createBackend(CliContext cli) {
        return new LsfBackend(cli);
    }
}
