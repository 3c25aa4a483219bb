package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.client.fs.SftpFileSystemAutomatic;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * A directory on the SSH host, reached over SFTP as a {@link java.nio.file.Path}: where the
 * persistent session store lives for an SSH contact, so that any machine that reaches the same
 * host as the same user sees the same sessions and jobs. It shares the contact's one connection
 * with the command runner and follows it when it reconnects.
 */
public final class RemoteStateDirectory implements AutoCloseable {
    private final SshConnection connection;
    private final SftpFileSystem fileSystem;
    private final Path path;

    private RemoteStateDirectory(SshConnection connection, SftpFileSystem fileSystem, Path path) {
        this.connection = connection;
        this.fileSystem = fileSystem;
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
            c.session();
            SftpFileSystem fs = new SftpFileSystemAutomatic(new SftpFileSystemProvider(), c.describe() + "#store",
                    create -> create ? c.session() : c.currentSession(), SftpClientFactory.instance(),
                    SftpVersionSelector.CURRENT, SftpErrorDataHandler.EMPTY);
            Path p = directory.startsWith("/") ? fs.getPath(directory) : fs.getDefaultDir().resolve(directory);
            java.nio.file.Files.createDirectories(p);
            return new RemoteStateDirectory(c, fs, p);
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
        try {
            fileSystem.close();
        } catch (IOException e) {
            // the connection is released below either way
        } finally {
            connection.release();
        }
    }
}
