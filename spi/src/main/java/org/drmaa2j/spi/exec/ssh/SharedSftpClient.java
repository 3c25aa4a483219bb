// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.RawSftpClient;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpMessage;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.sftp.client.impl.DefaultSftpClient;
import org.apache.sshd.sftp.client.impl.DefaultSftpClientFactory;

/**
 * Hands the SFTP file system views of the connection's one SFTP client (one channel), however
 * many it asks for: SFTP numbers its requests, so threads share the channel (their requests are
 * sent one at a time, the answers are matched by number). Closing a view does
 * nothing; the client closes with the connection, and a client whose channel died is replaced on
 * the next request.
 */
final class SharedSftpClient extends DefaultSftpClientFactory {
    private final SshConnection connection;

    SharedSftpClient(SshConnection connection) {
        this.connection = connection;
    }

    @Override
    public SftpClient createSftpClient(ClientSession session, SftpVersionSelector selector, SftpErrorDataHandler errors) throws IOException {
        connection.sftpClient();
        InvocationHandler h = new View();
        return (SftpClient) Proxy.newProxyInstance(SftpClient.class.getClassLoader(),
                new Class<?>[] {SftpClient.class, RawSftpClient.class}, h);
    }

    /** Opens the real client, for the connection. */
    SftpClient open(ClientSession session) throws IOException {
        return super.createSftpClient(session, SftpVersionSelector.CURRENT, SftpErrorDataHandler.EMPTY);
    }

    @Override
    protected DefaultSftpClient createDefaultSftpClient(ClientSession session, SftpVersionSelector selector, SftpErrorDataHandler errors)
            throws IOException {
        return new SerialSftpClient(session, selector, errors);
    }

    /**
     * An SFTP client whose requests may come from many threads: each waits until the one before it
     * has left (the channel takes one write at a time).
     */
    private static final class SerialSftpClient extends DefaultSftpClient {
        private SftpMessage last;

        SerialSftpClient(ClientSession session, SftpVersionSelector selector, SftpErrorDataHandler errors) throws IOException {
            super(session, selector, errors);
        }

        @Override
        public synchronized SftpMessage write(int cmd, Buffer buffer) throws IOException {
            if (last != null) last.waitUntilSent();
            last = super.write(cmd, buffer);
            return last;
        }
    }

    private final class View implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (method.getParameterCount() == 0) return null;
                    break;
                case "isOpen":
                    if (method.getParameterCount() == 0) return connection.sftpClient().isOpen();
                    break;
                case "isClosing":
                    if (method.getParameterCount() == 0) return false;
                    break;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "shared SFTP client of " + connection.describe();
                default:
                    break;
            }
            try {
                return method.invoke(connection.sftpClient(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
