// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.CommandTransport;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.MeteredCommandRunner;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * The {@code ssh://USER@HOST:PORT/} transport: every command of the contact shares one SSH connection,
 * one channel each ({@link SshCommandRunner}), with the options of {@link SshOptions}.
 */
public final class SshTransport implements CommandTransport {
    /** The scheme. */
    public static final String SCHEME = "ssh";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public CommandRunner open(Contact contact, DriverSettings settings) {
        return new MeteredCommandRunner(SshCommandRunner.open(contact, settings));
    }
}
