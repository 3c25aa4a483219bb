// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.SessionManager;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.session.GenericSessionManager;

/**
 * The provider of a command-line driver. For each connection it opens the command runner for the
 * contact (the session's, else {@value CliRunners#CONTACT_PROPERTY}, else this machine) with the
 * scheduler's transient failures, picks the job-script template (the site's through
 * {@value ScriptRenderer#TEMPLATE_PROPERTY} / {@value ScriptRenderer#TEMPLATE_DIR_PROPERTY}, else
 * the default template given to the constructor), and asks {@link #createBackend} for the backend; when that fails
 * the runner is closed. The generic layer does the rest.
 */
public abstract class CliProvider implements Drmaa2Provider {
    private final String defaultTemplate;
    private final TransientFailures transientFailures;
    private final Set<String> driverKeys;

    /**
     * A provider that does not list its driver's keys: every {@code drmaa2j.<name>.…} key is taken as the
     * driver's.
     *
     * @param defaultTemplate the class-path resource of the driver's default job-script template
     * @param transientFailures the scheduler's phrases for failures worth retrying
     */
    protected CliProvider(String defaultTemplate, TransientFailures transientFailures) {
        this(defaultTemplate, transientFailures, null);
    }

    /**
     * @param defaultTemplate the class-path resource of the driver's default job-script template
     * @param transientFailures the scheduler's phrases for failures worth retrying
     * @param driverKeys the driver's own property keys, read through {@link CliContext#settings()}; any
     *        other {@code drmaa2j.…} key the shared kit does not know is warned about once and ignored;
     *        null to take every {@code drmaa2j.<name>.…} key as the driver's
     */
    protected CliProvider(String defaultTemplate, TransientFailures transientFailures, Collection<String> driverKeys) {
        this.defaultTemplate = defaultTemplate;
        this.transientFailures = transientFailures;
        this.driverKeys = driverKeys == null ? null : Set.copyOf(driverKeys);
    }

    /**
     * @param cli the connection's context, runner and renderer
     * @return the backend for that connection
     */
    protected abstract DriverBackend createBackend(CliContext cli);

    /**
     * @return the class whose module (on the module path) or class loader holds the default template;
     *         this provider's class unless the template is another driver's, as for a site's driver built
     *         on a shipped one. That module must open the template's package to {@code org.drmaa2j.spi}.
     */
    protected Class<?> templateAnchor() {
        return getClass();
    }

    @Override
    public final SessionManager createSessionManager(Map<String, String> properties) {
        Map<String, String> props = properties == null ? Map.of() : Map.copyOf(properties);
        return new GenericSessionManager(getName(), props, driverKeys, context -> {
            CommandRunner runner = CliRunners.open(context, props, transientFailures);
            try {
                ScriptRenderer renderer = ScriptRenderer.forDriver(getName(), defaultTemplate, templateAnchor(), props);
                return createBackend(new CliContext(context, runner, renderer, props));
            } catch (RuntimeException e) {
                runner.close();
                throw e;
            }
        });
    }
}
