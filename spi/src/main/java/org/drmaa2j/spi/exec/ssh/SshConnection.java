// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.client.fs.SftpFileSystemAutomatic;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated SSH connection to a contact, shared by everything that uses that contact in
 * this JVM: {@link #acquire} counts users, the last {@link #release} closes it. Commands use at
 * most {@link SshOptions#maxChannels()} channels at a time; the remote session store, when used,
 * one SFTP channel more. When the connection drops, its next use opens a new one.
 */
final class SshConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final Map<String, SshConnection> SHARED = new HashMap<>();

    private final Contact contact;
    private final SshOptions options;
    private final String key;
    private final SshClient client;
    private final HostKeyCheck hostKeyCheck;
    private final List<KeyPair> keys;
    private final Semaphore channels;
    private ClientSession session;
    private SftpClient sftp;
    private SftpFileSystem fileSystem;
    private int users;
    private int connects;

    private SshConnection(String key, Contact contact, SshOptions options) {
        this.key = key;
        this.contact = contact;
        this.options = options;
        this.keys = loadKeys(options.identities());
        this.channels = new Semaphore(options.maxChannels(), true);
        client = SshClient.setUpDefaultClient();
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        if (options.verifyHostKey()) {
            hostKeyCheck = new HostKeyCheck(options.knownHosts());
            client.setServerKeyVerifier(hostKeyCheck);
        } else {
            hostKeyCheck = null;
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        }
        if (options.agentSocket() != null) client.setAgentFactory(new AgentFactory(options.agentSocket()));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, options.heartbeat());
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, options.heartbeat());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        // Every command is a few small packets (channel open, input, end of input) that each wait
        // for an answer: with Nagle's algorithm on, one of them waits for the server's delayed
        // acknowledgement (40 ms on Linux) in most commands.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
    }

    /**
     * @param contact an ssh contact
     * @param options how to connect
     * @return the shared connection for that user, host, port and options; release it when done
     */
    static SshConnection acquire(Contact contact, SshOptions options) {
        String key = contact.user() + "@" + contact.host() + ":" + port(contact) + " " + options;
        synchronized (SHARED) {
            SshConnection c = SHARED.computeIfAbsent(key, k -> new SshConnection(k, contact, options));
            c.users++;
            return c;
        }
    }

    /** Gives up one use; the last closes the connection. */
    void release() {
        synchronized (SHARED) {
            if (--users > 0) return;
            SHARED.remove(key);
        }
        synchronized (this) {
            if (fileSystem != null) {
                try {
                    fileSystem.close();
                } catch (IOException e) {
                    LOG.debug("closing the SFTP file system of {}: {}", describe(), e.toString());
                }
                fileSystem = null;
            }
            if (session != null) session.close(true);
            session = null;
            sftp = null;
        }
        client.stop();
    }

    /** @return the contact */
    Contact contact() {
        return contact;
    }

    /** @return {@code ssh://user@host:port}, for messages */
    String describe() {
        return "ssh://" + (contact.user() == null ? "" : contact.user() + "@") + contact.host() + ":" + port(contact);
    }

    /** @return how many times a connection was opened (1 without reconnects) */
    synchronized int connects() {
        return connects;
    }

    /**
     * @return an open, authenticated session, opened now when there is none or it dropped
     * @throws DrmCommunicationException if the host cannot be reached, its key is refused or no key is accepted
     */
    synchronized ClientSession session() {
        if (session != null && session.isOpen() && !session.isClosing()) return session;
        if (session != null) {
            LOG.warn("the connection to {} dropped; reconnecting", describe());
            session.close(true);
            session = null;
        }
        session = connect();
        connects++;
        return session;
    }

    /** @return the session if one is open, else null; never connects */
    synchronized ClientSession currentSession() {
        return session != null && session.isOpen() ? session : null;
    }

    /**
     * @return the remote file system over SFTP, opened on first use and shared by every store of the
     *     contact. All its threads share one SFTP channel ({@link SharedSftpClient}), beside the
     *     command channels; it follows the connection when it reconnects.
     * @throws IOException if SFTP cannot be started
     */
    synchronized SftpFileSystem fileSystem() throws IOException {
        if (fileSystem == null) {
            fileSystem = new SftpFileSystemAutomatic(new SftpFileSystemProvider(client), describe() + "#" + System.identityHashCode(this),
                    create -> create ? session() : currentSession(), new SharedSftpClient(this),
                    SftpVersionSelector.CURRENT, SftpErrorDataHandler.EMPTY);
        }
        return fileSystem;
    }

    /**
     * @return the connection's one SFTP client, opened (again) when there is none or its channel closed
     * @throws IOException if SFTP cannot be started
     */
    synchronized SftpClient sftpClient() throws IOException {
        ClientSession s = session();
        if (sftp == null || !sftp.isOpen() || sftp.getClientSession() != s) {
            if (sftp != null) sftp.close();
            sftp = new SharedSftpClient(this).open(s);
        }
        return sftp;
    }

    /**
     * Takes one of the connection's command channel slots.
     *
     * @param wait how long to wait for a free slot
     * @throws DrmCommunicationException if none frees up in time
     */
    void acquireChannel(Duration wait) {
        try {
            if (channels.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrmCommunicationException("interrupted while waiting for a free channel to " + describe(), e);
        }
        throw new DrmCommunicationException("no free channel to " + describe() + " within " + wait.toSeconds() + " s ("
                + options.maxChannels() + " in use; " + SshOptions.MAX_CHANNELS + ")");
    }

    /** Gives back a slot taken by {@link #acquireChannel}. */
    void releaseChannel() {
        channels.release();
    }

    /** @param dead a session a command found broken: closed so that the next {@link #session()} reconnects */
    synchronized void discard(ClientSession dead) {
        if (dead == session && session != null) {
            session.close(true);
            session = null;
        }
    }

    private ClientSession connect() {
        String user = contact.user() != null ? contact.user() : System.getProperty("user.name");
        long timeout = options.connectTimeout().toMillis();
        if (!options.verifyHostKey()) {
            LOG.warn("host key verification for {} is OFF ({}=false): the server is not authenticated", describe(),
                    SshOptions.STRICT_HOST_KEY_CHECKING);
        }
        ClientSession s = null;
        if (hostKeyCheck != null) hostKeyCheck.clear();
        try {
            s = client.connect(user, contact.host(), port(contact)).verify(timeout).getSession();
            for (KeyPair k : keys) s.addPublicKeyIdentity(k);
            s.auth().verify(timeout);
            LOG.debug("connected to {}", describe());
            return s;
        } catch (IOException | RuntimeException e) {
            if (s != null) s.close(true);
            String refusal = hostKeyCheck == null ? null : hostKeyCheck.refusal();
            if (refusal != null) throw new DrmCommunicationException("cannot connect to " + describe() + ": " + refusal, e);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (why.toLowerCase(java.util.Locale.ROOT).contains("no more authentication methods")) {
                why = "no key was accepted for " + user + " (offered: " + (keys.isEmpty() ? "no key files" : options.identities())
                        + (client.getAgentFactory() != null ? " and the SSH agent's keys" : "") + "; set " + SshOptions.IDENTITY + ")";
            }
            throw new DrmCommunicationException("cannot connect to " + describe() + ": " + why, e);
        }
    }

    private static int port(Contact contact) {
        return contact.port() > 0 ? contact.port() : 22;
    }

    private static List<KeyPair> loadKeys(List<Path> files) {
        List<KeyPair> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(f.toString()), in,
                        FilePasswordProvider.EMPTY);
                if (loaded != null) loaded.forEach(out::add);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                LOG.info("SSH key {} not used: {}", f, e.getMessage());
            }
        }
        return out;
    }
}
