// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import org.drmaa2j.spi.util.DriverSettings;

/**
 * The {@code local} transport (an empty contact): each command is one process started from the JVM
 * ({@link LocalCommandRunner}; with {@code posix_spawn} on Linux about as cheap as a shell starting it).
 */
public final class LocalTransport implements CommandTransport {
    /** The scheme. */
    public static final String SCHEME = "local";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public CommandRunner open(Contact contact, DriverSettings settings) {
        return new LocalCommandRunner();
    }
}
