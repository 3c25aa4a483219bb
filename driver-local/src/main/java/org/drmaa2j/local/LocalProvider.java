// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.util.Map;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.session.GenericSessionManager;

/**
 * The {@code local} driver: jobs are processes of this machine. Properties: {@code drmaa2j.stateDir}
 * (default {@code ~/.drmaa2j/local}), {@code drmaa2j.local.maxRunning} (most jobs running at once,
 * default no limit), {@code drmaa2j.local.killGraceMillis} (SIGTERM to SIGKILL, default 2000),
 * {@code drmaa2j.poll.fastMillis} and {@code drmaa2j.poll.slowMillis}.
 */
public final class LocalProvider implements Drmaa2Provider {
    /** The driver name. */
    public static final String NAME = "local";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getDescription() {
        return "processes of this machine";
    }

    @Override
    public SessionManager createSessionManager(Map<String, String> properties) {
        return new GenericSessionManager(NAME, properties, java.util.Set.of(LocalBackend.MAX_RUNNING, LocalBackend.KILL_GRACE_MS), LocalBackend::new);
    }
}
