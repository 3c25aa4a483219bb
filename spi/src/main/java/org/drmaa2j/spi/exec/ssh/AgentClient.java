// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running SSH agent over its Unix domain socket ({@code SSH_AUTH_SOCK}), speaking
 * the agent protocol directly (no native library): it lists the agent's keys and asks it to sign.
 * It only reads from the agent; adding or removing keys is refused.
 */
final class AgentClient implements SshAgent {
    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    private static final int RSA_SHA2_256 = 2;
    private static final int RSA_SHA2_512 = 4;

    private final SocketChannel socket;
    private final List<byte[]> blobs = new ArrayList<>();
    private final List<PublicKey> keys = new ArrayList<>();

    AgentClient(Path socketPath) throws IOException {
        this.socket = SocketChannel.open(UnixDomainSocketAddress.of(socketPath));
    }

    @Override
    public synchronized Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() throws IOException {
        Buffer answer = request(REQUEST_IDENTITIES, new ByteArrayBuffer());
        if (answer.getByte() != IDENTITIES_ANSWER) throw new IOException("the SSH agent refused to list its keys");
        int n = answer.getInt();
        List<Map.Entry<PublicKey, String>> out = new ArrayList<>();
        blobs.clear();
        keys.clear();
        for (int i = 0; i < n; i++) {
            byte[] blob = answer.getBytes();
            String comment = answer.getString();
            PublicKey key;
            try {
                key = new ByteArrayBuffer(blob).getRawPublicKey();
            } catch (RuntimeException e) {
                continue; // a key type this client cannot use
            }
            blobs.add(blob);
            keys.add(key);
            out.add(new SimpleImmutableEntry<>(key, comment));
        }
        return out;
    }

    @Override
    public synchronized Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algo, byte[] data) throws IOException {
        byte[] blob = null;
        for (int i = 0; i < keys.size(); i++) if (KeyUtils.compareKeys(keys.get(i), key)) blob = blobs.get(i);
        if (blob == null) {
            ByteArrayBuffer b = new ByteArrayBuffer();
            b.putRawPublicKey(key);
            blob = b.getCompactData();
        }
        ByteArrayBuffer req = new ByteArrayBuffer();
        req.putBytes(blob);
        req.putBytes(data);
        req.putInt(algo == null ? 0 : algo.equals("rsa-sha2-256") ? RSA_SHA2_256 : algo.equals("rsa-sha2-512") ? RSA_SHA2_512 : 0);
        Buffer answer = request(SIGN_REQUEST, req);
        byte type = answer.getByte();
        if (type != SIGN_RESPONSE) throw new IOException("the SSH agent refused to sign" + (type == FAILURE ? "" : " (answer " + type + ")"));
        Buffer signature = new ByteArrayBuffer(answer.getBytes());
        return new SimpleImmutableEntry<>(signature.getString(), signature.getBytes());
    }

    private Buffer request(byte type, ByteArrayBuffer payload) throws IOException {
        byte[] body = payload.getCompactData();
        ByteBuffer out = ByteBuffer.allocate(5 + body.length);
        out.putInt(1 + body.length).put(type).put(body).flip();
        while (out.hasRemaining()) socket.write(out);
        ByteBuffer len = readFully(4);
        int n = len.getInt();
        if (n <= 0 || n > 256 * 1024) throw new IOException("the SSH agent sent a malformed answer (length " + n + ")");
        return new ByteArrayBuffer(readFully(n).array());
    }

    private ByteBuffer readFully(int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (socket.read(b) < 0) throw new IOException("the SSH agent closed the connection");
        }
        return b.flip();
    }

    @Override
    public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints) throws IOException {
        throw new IOException("drmaa2j does not add keys to the SSH agent");
    }

    @Override
    public void removeIdentity(PublicKey key) throws IOException {
        throw new IOException("drmaa2j does not remove keys from the SSH agent");
    }

    @Override
    public void removeAllIdentities() throws IOException {
        throw new IOException("drmaa2j does not remove keys from the SSH agent");
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
