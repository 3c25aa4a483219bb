// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * A directory on the SSH host, reached over SFTP as a {@link java.nio.file.Path}: where the
 * persistent session store lives for an SSH contact, so that any machine that reaches the same
 * host as the same user sees the same sessions and jobs. All stores of a contact in this JVM share
 * one SFTP file system on a connection of its own, which reconnects when it drops.
 */
public final class RemoteStateDirectory implements AutoCloseable {
    private final SshConnection connection;
    private final Path path;

    private RemoteStateDirectory(SshConnection connection, Path path) {
        this.connection = connection;
        this.path = path;
    }

    /**
     * @param contact an {@code ssh} contact
     * @param settings the driver settings, for {@link SshOptions}
     * @param directory the directory, relative to the remote user's home unless absolute
     * @return the open directory (created when missing); close it when the session manager closes
     * @throws DrmCommunicationException if the host cannot be reached or offers no SFTP
     */
    public static RemoteStateDirectory open(Contact contact, DriverSettings settings, String directory) {
        SshConnection c = SshConnection.acquire(contact, SshOptions.from(settings));
        try {
            SftpFileSystem fs = c.fileSystem();
            Path p = directory.startsWith("/") ? fs.getPath(directory) : fs.getDefaultDir().resolve(directory);
            java.nio.file.Files.createDirectories(p);
            return new RemoteStateDirectory(c, p);
        } catch (IOException | RuntimeException e) {
            c.release();
            if (e instanceof DrmCommunicationException d) throw d;
            throw new DrmCommunicationException("cannot open the session store " + directory + " on " + c.describe()
                    + " over SFTP: " + e.getMessage(), e);
        }
    }

    /** @return the directory */
    public Path path() {
        return path;
    }

    /** @return {@code ssh://user@host:port/} plus the directory, for messages */
    public String describe() {
        return connection.describe() + path;
    }

    @Override
    public void close() {
        connection.release();
    }
}
