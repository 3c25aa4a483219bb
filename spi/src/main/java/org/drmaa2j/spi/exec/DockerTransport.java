// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import org.drmaa2j.spi.util.DriverSettings;

/**
 * The {@code docker://USER@CONTAINER} transport: commands run inside a running container through
 * {@code docker exec}, served by long-lived fork servers ({@link ForkServerCommandRunner}), measured
 * 5–6 times faster per command than one {@code docker exec} each.
 */
public final class DockerTransport implements CommandTransport {
    /** The scheme. */
    public static final String SCHEME = "docker";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public CommandRunner open(Contact contact, DriverSettings settings) {
        return ForkServerCommandRunner.docker(contact.host(), contact.user());
    }
}
