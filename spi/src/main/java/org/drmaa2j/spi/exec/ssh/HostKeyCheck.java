// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Verifies the server's host key against a known-hosts file and refuses unknown and changed keys.
 * It never writes the file. The reason for the last refusal is kept for the connection's error
 * message.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {
    private final Path file;
    private volatile String refusal;

    HostKeyCheck(Path file) {
        super(RejectAllServerKeyVerifier.INSTANCE, file);
        this.file = file;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        refusal = "the host key of " + session.getConnectAddress() + " (" + KeyUtils.getKeyType(serverKey) + " "
                + KeyUtils.getFingerPrint(serverKey) + ") is not in " + file + "; add the host's key there (for example with"
                + " ssh-keyscan, after checking its fingerprint), or set " + SshOptions.STRICT_HOST_KEY_CHECKING
                + "=false to skip verification";
        return false;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        refusal = "the host key of " + session.getConnectAddress() + " has CHANGED: " + file + " has "
                + KeyUtils.getFingerPrint(expected) + ", the server offered " + KeyUtils.getFingerPrint(actual)
                + "; someone may be intercepting the connection, or the host was reinstalled. Connection refused";
        return false;
    }

    /** Forgets the last refusal, before a new connection attempt. */
    void clear() {
        refusal = null;
    }

    /** @return why the last host key was refused, or null */
    String refusal() {
        return refusal;
    }
}
