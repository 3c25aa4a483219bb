package org.drmaa2j.spi.exec.ssh;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.client.impl.DefaultSftpClientFactory;

/**
 * Makes SFTP clients (one channel each) only within the connection's channel limit, shared with
 * the commands: each client takes a slot when it opens and gives it back when its channel closes.
 */
final class ChannelLimitedSftpClients extends DefaultSftpClientFactory {
    private final SshConnection connection;

    ChannelLimitedSftpClients(SshConnection connection) {
        this.connection = connection;
    }

    @Override
    public SftpClient createSftpClient(ClientSession session, SftpVersionSelector selector, SftpErrorDataHandler errors) throws IOException {
        connection.acquireChannel();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) connection.releaseChannel();
        };
        SftpClient client;
        try {
            client = super.createSftpClient(session, selector, errors);
        } catch (IOException | RuntimeException e) {
            release.run();
            throw e;
        }
        Channel channel = client.getClientChannel();
        channel.addChannelListener(new ChannelListener() {
            @Override
            public void channelClosed(Channel c, Throwable reason) {
                release.run();
            }
        });
        if (!channel.isOpen() || channel.isClosing()) release.run();
        return client;
    }
}
