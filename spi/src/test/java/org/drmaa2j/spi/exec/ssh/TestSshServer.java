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
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server in this JVM on 127.0.0.1 that behaves like OpenSSH for what the runner needs: key
 * logins from an authorized_keys file, each exec request run as {@code /bin/sh -c <command string>}
 * (as a login shell would), and SFTP. Its user is this process's user.
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
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
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
}
