// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * How SSH contacts connect, from driver properties (falling back to system properties of the same
 * name, see {@link DriverSettings}).
 *
 * @param identities private key files to offer, in order
 * @param agentSocket the SSH agent's socket whose keys are offered too, or null for none
 * @param knownHosts the known-hosts file the server's host key is verified against
 * @param verifyHostKey false only when the user opted out of host key verification
 * @param connectTimeout how long connecting and authenticating may take
 * @param heartbeat interval of keep-alive requests on an idle connection
 * @param maxChannels command channels open at once on the connection
 */
public record SshOptions(List<Path> identities, Path agentSocket, Path knownHosts, boolean verifyHostKey,
                         Duration connectTimeout, Duration heartbeat, int maxChannels) {
    /** Comma-separated private key files; default {@code ~/.ssh/id_ed25519, id_ecdsa, id_rsa} (those that exist). */
    public static final String IDENTITY = "drmaa2j.ssh.identity";
    /**
     * The SSH agent's socket; default the environment variable {@code SSH_AUTH_SOCK}; {@code none}
     * to use no agent.
     */
    public static final String AGENT_SOCKET = "drmaa2j.ssh.agentSocket";
    /** The known-hosts file; default {@code ~/.ssh/known_hosts}. */
    public static final String KNOWN_HOSTS = "drmaa2j.ssh.knownHosts";
    /**
     * {@code false} accepts any host key without verification (explicit opt-out, logged as a
     * warning on every connection); default {@code true}.
     */
    public static final String STRICT_HOST_KEY_CHECKING = "drmaa2j.ssh.strictHostKeyChecking";
    /** Milliseconds connecting and authenticating may take; default 30000. */
    public static final String CONNECT_TIMEOUT_MS = "drmaa2j.ssh.connectTimeoutMillis";
    /** Milliseconds between keep-alive requests; default 30000. */
    public static final String HEARTBEAT_MS = "drmaa2j.ssh.heartbeatMillis";

    /**
     * Commands running at once on the one connection; default 8, so that with the session store's
     * SFTP channel it stays below OpenSSH's default {@code MaxSessions} of 10. Further commands wait
     * for a free channel.
     */
    public static final String MAX_CHANNELS = "drmaa2j.ssh.maxChannels";
    /**
     * {@code false} keeps the session store on this machine even when the default contact is an SSH
     * contact; default {@code true}: the store lives on the SSH host.
     */
    public static final String REMOTE_STORE = "drmaa2j.ssh.remoteStore";
    /** The session store's directory on the SSH host, relative to the home directory there; default {@code .drmaa2j/<driver>}. */
    public static final String REMOTE_STATE_DIR = "drmaa2j.ssh.stateDir";

    /**
     * Copies the list.
     *
     * @param identities private key files to offer, in order
     * @param agentSocket the SSH agent's socket whose keys are offered too, or null for none
     * @param knownHosts the known-hosts file the server's host key is verified against
     * @param verifyHostKey false only when the user opted out of host key verification
     * @param connectTimeout how long connecting and authenticating may take
     * @param heartbeat interval of keep-alive requests on an idle connection
     * @param maxChannels command channels open at once on the connection
     */
    public SshOptions {
        identities = List.copyOf(identities);
    }

    /**
     * @param settings the driver settings
     * @return the options they give
     * @throws InvalidArgumentException naming the property when a value is malformed
     */
    public static SshOptions from(DriverSettings settings) {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        List<Path> ids = new ArrayList<>();
        for (String p : settings.getList(IDENTITY)) ids.add(Path.of(p));
        if (ids.isEmpty()) {
            for (String n : List.of("id_ed25519", "id_ecdsa", "id_rsa")) if (Files.isRegularFile(ssh.resolve(n))) ids.add(ssh.resolve(n));
        }
        return new SshOptions(ids,
                agentSocket(settings),
                settings.getPath(KNOWN_HOSTS).orElse(ssh.resolve("known_hosts")),
                bool(settings, STRICT_HOST_KEY_CHECKING, true),
                settings.millis(CONNECT_TIMEOUT_MS, Duration.ofSeconds(30)),
                settings.millis(HEARTBEAT_MS, Duration.ofSeconds(30)),
                maxChannels(settings));
    }

    /**
     * @param settings the driver settings
     * @return whether an SSH contact's session store lives on the SSH host ({@value #REMOTE_STORE})
     */
    public static boolean remoteStore(DriverSettings settings) {
        return bool(settings, REMOTE_STORE, true);
    }

    private static int maxChannels(DriverSettings settings) {
        return settings.getInt(MAX_CHANNELS, 8, 2);
    }

    private static Path agentSocket(DriverSettings settings) {
        String v = settings.get(AGENT_SOCKET).orElse(System.getenv("SSH_AUTH_SOCK"));
        if (v == null || v.isBlank() || v.strip().equalsIgnoreCase("none")) return null;
        Path p = Path.of(v.strip());
        return Files.exists(p) ? p : null;
    }

    private static boolean bool(DriverSettings settings, String key, boolean dflt) {
        return settings.getBoolean(key, dflt);
    }
}
