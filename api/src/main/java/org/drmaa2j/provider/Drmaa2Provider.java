// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.provider;

import java.util.Map;

import org.drmaa2j.Drmaa2;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.SessionManager;

/**
 * What a driver registers in {@code META-INF/services/org.drmaa2j.provider.Drmaa2Provider} so that
 * {@link Drmaa2} finds it. Exactly one provider per driver module.
 */
public interface Drmaa2Provider {
    /** @return the short name users select the driver by, such as {@code local} or {@code slurm} */
    String getName();

    /** @return one line saying what the driver talks to */
    String getDescription();

    /**
     * @param properties driver settings (contact, state directory, …); unknown keys are ignored
     * @return a new session manager
     * @throws InvalidArgumentException if a setting is not acceptable
     */
    SessionManager createSessionManager(Map<String, String> properties);
}
