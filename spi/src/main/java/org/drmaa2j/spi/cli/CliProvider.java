// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.util.Map;
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

    /**
     * @param defaultTemplate the class-path resource of the driver's default job-script template
     * @param transientFailures the scheduler's phrases for failures worth retrying
     */
    protected CliProvider(String defaultTemplate, TransientFailures transientFailures) {
        this.defaultTemplate = defaultTemplate;
        this.transientFailures = transientFailures;
    }

    /**
     * @param cli the connection's context, runner and renderer
     * @return the backend for that connection
     */
    protected abstract DriverBackend createBackend(CliContext cli);

    @Override
    public final SessionManager createSessionManager(Map<String, String> properties) {
        Map<String, String> props = properties == null ? Map.of() : Map.copyOf(properties);
        return new GenericSessionManager(getName(), props, context -> {
            CommandRunner runner = CliRunners.open(context, props, transientFailures);
            try {
                ScriptRenderer renderer = ScriptRenderer.forDriver(getName(), defaultTemplate, getClass(), props);
                return createBackend(new CliContext(context, runner, renderer, props));
            } catch (RuntimeException e) {
                runner.close();
                throw e;
            }
        });
    }
}
