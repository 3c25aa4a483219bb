// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.util.Map;
import org.drmaa2j.SessionManager;

/**
 * A way to obtain the session manager under test other than {@link org.drmaa2j.Drmaa2#getSessionManager(String, Map)},
 * selected by {@value TckSettings#INJECTION}={@link #name()}. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.drmaa2j.tck.SessionManagerInjection}); drmaa2j-tck-cdi registers {@code cdi}.
 */
public interface SessionManagerInjection {
    /** @return the value of {@value TckSettings#INJECTION} that selects this injection, such as {@code cdi} */
    String name();

    /**
     * @param driverName the driver the environment names
     * @param properties the environment's driver properties
     * @return the session manager and what owns it; closing the owner disposes of the session manager
     * @throws IllegalStateException if no session manager could be obtained
     */
    Injected inject(String driverName, Map<String, String> properties);

    /**
     * A session manager and its owner.
     *
     * @param sessionManager the session manager under test
     * @param owner closed after the last test
     */
    record Injected(SessionManager sessionManager, AutoCloseable owner) {
    }
}
