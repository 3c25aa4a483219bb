// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.drmaa2j.SessionManager;

/** A bean that receives the session manager by injection, as an application would. */
@Dependent
public class InjectedSessionManager {
    @Inject
    SessionManager sessionManager;

    /** @return the injected session manager */
    public SessionManager get() {
        return sessionManager;
    }
}
