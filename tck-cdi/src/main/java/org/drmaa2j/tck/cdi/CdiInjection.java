// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.cdi;

import java.util.Map;
import org.drmaa2j.tck.SessionManagerInjection;

/** The TCK's {@code cdi} injection: the session manager from {@link CdiSessionManagers#boot(String, Map)}. */
public final class CdiInjection implements SessionManagerInjection {
    /** The value of {@code drmaa2j.tck.injection} that selects this injection. */
    public static final String NAME = "cdi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Injected inject(String driverName, Map<String, String> properties) {
        CdiSessionManagers.Injected i = CdiSessionManagers.boot(driverName, properties);
        return new Injected(i.sessionManager(), i.container());
    }
}
