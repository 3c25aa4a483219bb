// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j TCK's CDI run: {@code -Ddrmaa2j.tck.injection=cdi} obtains the session manager by injection through Weld SE
 * (producer {@code org.drmaa2j.spi.cdi.SessionManagerProducer} in drmaa2j-spi). Weld has no module names of its own, so it
 * is read as automatic modules named after its jars ({@code weld.se.core}, {@code weld.api},
 * {@code weld.environment.common}, {@code weld.core.impl}).
 */
module org.drmaa2j.tck.cdi {
    requires transitive org.drmaa2j.tck;
    requires weld.se.core;
    requires weld.environment.common;
    requires weld.core.impl;
    requires weld.api;
    requires jakarta.cdi;
    requires jakarta.inject;

    exports org.drmaa2j.tck.cdi;
    opens org.drmaa2j.tck.cdi;

    provides org.drmaa2j.tck.SessionManagerInjection with org.drmaa2j.tck.cdi.CdiInjection;
}
