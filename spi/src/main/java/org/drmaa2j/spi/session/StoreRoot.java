// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.nio.file.Path;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.ssh.RemoteStateDirectory;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * Where the persistent session store lives. When the driver's default contact
 * ({@value CliRunners#CONTACT_PROPERTY}) is an SSH contact, on that host over SFTP
 * ({@value SshOptions#REMOTE_STATE_DIR}, default {@code ~/.drmaa2j/<driver>} there), so that every
 * machine that reaches the login node as the same user opens the same sessions; with
 * {@value SshOptions#REMOTE_STORE}{@code =false}, and for every other contact, on this machine
 * ({@link DriverSettings#stateDirectory()}).
 */
final class StoreRoot implements AutoCloseable {
    private final Path path;
    private final RemoteStateDirectory remote;

    private StoreRoot(Path path, RemoteStateDirectory remote) {
        this.path = path;
        this.remote = remote;
    }

    static StoreRoot of(DriverSettings settings) {
        Contact contact = Contact.parse(settings.get(CliRunners.CONTACT_PROPERTY).orElse(""));
        if (contact.transport().equals("ssh") && SshOptions.remoteStore(settings)) {
            RemoteStateDirectory d = RemoteStateDirectory.open(contact, settings,
                    settings.get(SshOptions.REMOTE_STATE_DIR).orElse(".drmaa2j/" + settings.driverName()));
            return new StoreRoot(d.path(), d);
        }
        return new StoreRoot(settings.stateDirectory(), null);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (remote != null) remote.close();
    }
}
