// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code @Inject SessionManager} work in a CDI container (Weld SE, or any CDI 4 container
 * that discovers this archive). One application-scoped session manager is created on first use,
 * from {@link Drmaa2#getSessionManager(String, java.util.Map)} with the {@link Drmaa2CdiConfiguration}
 * the application produces, else the one read from system properties; it is closed when the
 * container shuts down.
 */
@ApplicationScoped
public class SessionManagerProducer {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManagerProducer.class);

    /**
     * @param configured a {@link Drmaa2CdiConfiguration} bean the application produces, if any
     * @return the application's session manager
     * @throws org.drmaa2j.DriverSelectionException if the configured driver is not installed
     */
    @Produces
    @ApplicationScoped
    public SessionManager sessionManager(Instance<Drmaa2CdiConfiguration> configured) {
        Drmaa2CdiConfiguration config = configured.isResolvable() ? configured.get() : Drmaa2CdiConfiguration.fromSystemProperties();
        SessionManager sm = Drmaa2.getSessionManager(config.driverName(), config.properties());
        LOG.debug("produced session manager {} for CDI", sm.getDrmaaName());
        return sm;
    }

    /** @param sessionManager the produced session manager, closed with its sessions */
    public void close(@Disposes SessionManager sessionManager) {
        sessionManager.close();
    }
}
