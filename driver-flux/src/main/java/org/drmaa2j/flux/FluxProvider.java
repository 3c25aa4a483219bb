// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.time.Duration;
import java.util.List;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CliProvider;
import org.drmaa2j.spi.exec.TransientFailures;

/**
 * The Flux driver, {@code flux}: {@code flux job submit} (a jobspec the driver builds),
 * {@code flux python} for bulk jobs and tag lookups, {@code flux jobs}, {@code flux job
 * wait-event}, {@code flux job urgency} and {@code flux cancel} (tried on flux-core 0.88.0), run
 * on this machine inside a Flux instance (or with {@code FLUX_URI} set), or where the contact string says. Driver properties:
 * <ul>
 *   <li>{@value #CONTACT_PROPERTY}: the contact used when a session is created without one;</li>
 *   <li>{@value #WATCHERS_PROPERTY}: how many {@code flux job wait-event} commands may run at once
 *       to learn of job ends as they happen (default {@value #DEFAULT_WATCHERS}; 0 polls only);</li>
 *   <li>{@value #WATCH_SLICE_PROPERTY}: seconds one such command may block before the next job
 *       gets its turn (default {@value #DEFAULT_WATCH_SLICE_SECONDS});</li>
 *   <li>the kit's {@code drmaa2j.template} / {@code drmaa2j.templateDir} for a site job script.</li>
 * </ul>
 */
public final class FluxProvider extends CliProvider {
    /** Driver property: the contact used when a session is created without one. */
    public static final String CONTACT_PROPERTY = CliRunners.CONTACT_PROPERTY;
    /** Driver property: the most {@code flux job wait-event} commands at once; 0 turns event waits off. */
    public static final String WATCHERS_PROPERTY = "drmaa2j.flux.watchers";
    /** Driver property: seconds one {@code flux job wait-event} may block. */
    public static final String WATCH_SLICE_PROPERTY = "drmaa2j.flux.watchSliceSeconds";
    static final int DEFAULT_WATCHERS = 8;
    static final int DEFAULT_WATCH_SLICE_SECONDS = 60;
    static final String TEMPLATE = "/org/drmaa2j/flux/flux.sh.j2";
    static final TransientFailures TRANSIENT = TransientFailures.withPhrases(
            "unable to connect to flux", "connection refused", "resource temporarily unavailable",
            "broker is shutting down", "no route to host");

    /** Creates the provider (ServiceLoader does). */
    public FluxProvider() {
        super(TEMPLATE, TRANSIENT, List.of(WATCHERS_PROPERTY, WATCH_SLICE_PROPERTY));
    }

    @Override
    public String getName() {
        return "flux";
    }

    @Override
    public String getDescription() {
        return "Flux through its command-line tools";
    }

    @Override
    protected DriverBackend createBackend(CliContext cli) {
        int watchers = cli.settings().getInt(WATCHERS_PROPERTY, DEFAULT_WATCHERS, 0);
        int slice = cli.settings().getInt(WATCH_SLICE_PROPERTY, DEFAULT_WATCH_SLICE_SECONDS, 1);
        return new FluxBackend(cli, watchers, Duration.ofSeconds(slice));
    }
}
