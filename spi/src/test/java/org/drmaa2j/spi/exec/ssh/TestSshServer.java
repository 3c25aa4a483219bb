// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server in this JVM on 127.0.0.1 that behaves like OpenSSH for what the runner needs: key
 * logins from an authorized_keys file, each exec request run as {@code /bin/sh -c <command string>}
 * (as a login shell would), and SFTP with OpenSSH's handles ({@link OpenSshHandles}). Its user is
 * this process's user.
 */
public final class TestSshServer implements AutoCloseable {
    final Path dir;
    final Path identity;
    final Path knownHosts;
    final KeyPair hostKey;
    final List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SshServer server;

    /** @param dir where keys and files go */
    public TestSshServer(Path dir) throws Exception {
        this(dir, Integer.MAX_VALUE);
    }

    /**
     * @param dir where keys and files go
     * @param maxChannels channels the server allows open at once per connection, like OpenSSH's MaxSessions
     */
    public TestSshServer(Path dir, int maxChannels) throws Exception {
        this(dir, maxChannels, new OpenSshHandles());
    }

    /**
     * @param dir where keys and files go
     * @param maxChannels channels the server allows open at once per connection
     * @param sftp the SFTP subsystem
     */
    TestSshServer(Path dir, int maxChannels, SftpSubsystemFactory sftp) throws Exception {
        this.dir = dir;
        identity = dir.resolve("id_ed25519");
        keygen(identity);
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("id_ed25519.pub"), authorized);
        hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        org.apache.sshd.core.CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(server, maxChannels);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel);
        });
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
    }

    static void keygen(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ssh-keygen: " + out);
    }

    int port() {
        return server.getPort();
    }

    /** @return the contact string that reaches this server */
    public String contact() {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port() + "/";
    }

    /** @return driver properties that log in with the test key and verify the host key */
    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put(SshOptions.IDENTITY, identity.toString());
        p.put(SshOptions.KNOWN_HOSTS, knownHosts.toString());
        p.put(SshOptions.AGENT_SOCKET, "none");
        return p;
    }

    int activeSessions() {
        return server.getActiveSessions().size();
    }

    /** Drops every connection from the server side, as a restarted login node or a broken network would. */
    public void dropConnections() {
        for (Session s : new ArrayList<>(server.getActiveSessions())) s.close(true);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /**
     * SSHD's SFTP subsystem handing out handles as OpenSSH's sftp-server does: the lowest number no
     * open file or directory holds, so a closed handle's value comes back at once (a client that
     * uses a handle after closing it hits someone else's file, as it would on OpenSSH). SSHD's own
     * 4-byte handles take a value freed by a close even when the open then fails, and lose it: the
     * next open is numbered by the count of open handles, which can be a value still in use, so two
     * files share one handle and a close or write meant for one reaches the other.
     */
    public static final class OpenSshHandles extends SftpSubsystemFactory {
        @Override
        public org.apache.sshd.server.command.Command createSubsystem(org.apache.sshd.server.channel.ChannelSession channel)
                throws IOException {
            SftpSubsystem subsystem = new SftpSubsystem(channel, this) {
                @Override
                protected String generateFileHandle(Path file) throws IOException {
                    synchronized (handles) {
                        for (long n = 0; n < Integer.MAX_VALUE; n++) {
                            byte[] b = new byte[Integer.BYTES];
                            org.apache.sshd.common.util.buffer.BufferUtils.putUInt(n, b);
                            String handle = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
                            if (!handles.containsKey(handle)) return handle;
                        }
                    }
                    throw new IOException("no free SFTP handle for " + file);
                }
            };
            getRegisteredListeners().forEach(subsystem::addSftpEventListener);
            return subsystem;
        }
    }
}
