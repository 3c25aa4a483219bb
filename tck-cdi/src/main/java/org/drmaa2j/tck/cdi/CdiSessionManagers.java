// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.cdi;

import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.SessionManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Obtains the session manager through CDI: boots Weld SE with bean discovery (the producer is in
 * drmaa2j-spi, {@code org.drmaa2j.spi.cdi}) and injects it into {@link InjectedSessionManager}.
 * The producer reads its configuration from system properties, which are set here from the
 * environment unless already given.
 */
public final class CdiSessionManagers {
    /** Prefix of the system properties the CDI producer passes to the driver. */
    public static final String CONFIG_PREFIX = "drmaa2j.config.";

    private CdiSessionManagers() {
    }

    /** A session manager and the container that owns it. */
    public record Injected(SessionManager sessionManager, AutoCloseable container) {
    }

    /**
     * @param driverName the driver
     * @param properties its properties
     * @return the injected session manager; closing the container disposes of it
     */
    public static Injected boot(String driverName, Map<String, String> properties) {
        if (System.getProperty(Drmaa2.DRIVER_PROPERTY) == null) System.setProperty(Drmaa2.DRIVER_PROPERTY, driverName);
        properties.forEach((k, v) -> {
            if (System.getProperty(CONFIG_PREFIX + k) == null) System.setProperty(CONFIG_PREFIX + k, v);
        });
        WeldContainer container = new Weld("drmaa2j-tck").addBeanClass(InjectedSessionManager.class).initialize();
        try {
            SessionManager sm = container.select(InjectedSessionManager.class).get().get();
            sm.getDrmaaName();
            return new Injected(sm, container::shutdown);
        } catch (RuntimeException e) {
            container.shutdown();
            throw new IllegalStateException("CDI could not inject a SessionManager: is drmaa2j-spi (with its CDI producer) on the class path?", e);
        }
    }
}
