// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.util.Map;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * What a {@link CliProvider} hands the backend it creates for one connection.
 *
 * @param backend the generic layer's context: contact, state sink, session store, settings
 * @param runner where the scheduler's commands run, opened for the contact; the backend closes it
 * @param renderer the job-script template (the site's, or the driver's default)
 * @param properties the driver properties as given
 */
public record CliContext(BackendContext backend, CommandRunner runner, ScriptRenderer renderer, Map<String, String> properties) {
    /** @return the driver settings */
    public DriverSettings settings() {
        return backend.settings();
    }
}
