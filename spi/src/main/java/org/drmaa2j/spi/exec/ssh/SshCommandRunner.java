// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.spi.util.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on a login node over SSH: one connection for all commands (shared with the remote
 * session store), one exec channel per command. The server hands the command to the user's login
 * shell as one string, so every argv element is quoted ({@link SshCommandLine}); standard input
 * (a job script) travels on the channel, never inside the command string.
 *
 * <p>When the connection drops, the next command opens a new one. A command that was under way
 * when it dropped is run again once on the new connection if it is retryable; a command that is
 * not safe to repeat (a submission) is not, and the failure says that its fate is unknown.
 */
public final class SshCommandRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SshCommandRunner.class);
    /** Tries at a channel the server refuses, with pauses of 0.1, 0.2, 0.4, 0.8 and 1.6 s between them. */
    private static final int CHANNEL_ATTEMPTS = 6;
    private final SshConnection connection;
    private volatile boolean closed;

    private SshCommandRunner(SshConnection connection) {
        this.connection = connection;
    }

    /**
     * @param contact an {@code ssh} contact
     * @param settings the driver settings, for {@link SshOptions}
     * @return a runner sharing the JVM's connection to that contact; it connects on first use
     */
    public static SshCommandRunner open(Contact contact, DriverSettings settings) {
        return new SshCommandRunner(SshConnection.acquire(contact, SshOptions.from(settings)));
    }

    @Override
    public CommandResult run(Command command) {
        if (closed) throw new DrmCommunicationException("the SSH runner for " + describe() + " is closed");
        String line = SshCommandLine.of(command.argv());
        try {
            return runOnce(command, line);
        } catch (ConnectionLost lost) {
            if (lost.sent && !command.retryable()) {
                throw new DrmCommunicationException("the connection to " + describe() + " dropped while " + command.program()
                        + " ran; it was not repeated because it is not safe to repeat, so whether it took effect is unknown"
                        + " (check the scheduler before submitting again): " + lost.getMessage(), lost);
            }
            LOG.warn("the connection to {} dropped {} {} ({}); running it again on a new connection", describe(),
                    lost.sent ? "while running" : "before starting", command.program(), lost.getMessage());
            try {
                return runOnce(command, line);
            } catch (ConnectionLost again) {
                throw new DrmCommunicationException("the connection to " + describe() + " dropped twice while running "
                        + command.program() + ": " + again.getMessage(), again);
            }
        }
    }

    /**
     * Runs the command on a channel of the connection. A channel the server refuses (for example
     * while it still counts a just-closed session against OpenSSH's MaxSessions) ran nothing, so
     * it is asked for again after a short pause, a few times, whatever the command.
     */
    private CommandResult runOnce(Command command, String line) throws ConnectionLost {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnceOnChannel(command, line);
            } catch (ChannelRefused refused) {
                if (attempt >= CHANNEL_ATTEMPTS) {
                    throw new DrmCommunicationException(describe() + " refused a channel for " + command.program() + " " + attempt
                            + " times (it did not run): " + refused.getMessage(), refused.getCause());
                }
                LOG.debug("{} refused a channel for {} ({}); asking again", describe(), command.program(), refused.getMessage());
                try {
                    Thread.sleep(50L << attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DrmCommunicationException("interrupted while waiting for a channel to " + describe(), e);
                }
            }
        }
    }

    private CommandResult runOnceOnChannel(Command command, String line) throws ConnectionLost, ChannelRefused {
        long start = System.nanoTime();
        connection.acquireChannel(command.timeout());
        try {
            return runOnChannel(command, line, start);
        } finally {
            connection.releaseChannel();
        }
    }

    private CommandResult runOnChannel(Command command, String line, long start) throws ConnectionLost, ChannelRefused {
        ClientSession session = connection.session();
        long opened = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ChannelExec channel;
        try {
            channel = session.createExecChannel(line);
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(command.timeout().toMillis());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DrmCommunicationException d) throw d;
            if (isOpen(session)) throw new ChannelRefused(e);
            connection.discard(session);
            throw new ConnectionLost(false, e);
        }
        try {
            try (OutputStream in = channel.getInvertedIn()) {
                if (command.stdin() != null) in.write(command.stdin());
            } catch (IOException e) {
                if (!isOpen(session)) {
                    connection.discard(session);
                    throw new ConnectionLost(true, e);
                }
                LOG.debug("{} closed its input early: {}", command.program(), e.getMessage());
            }
            long leftMillis = command.timeout().toMillis() - (System.nanoTime() - opened) / 1_000_000;
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Math.max(leftMillis, 1));
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new DrmCommunicationException(command.program() + " did not finish within " + command.timeout().toSeconds()
                        + " s on " + describe() + "; its channel was closed");
            }
            Integer status = channel.getExitStatus();
            if (status == null && channel.getExitSignal() != null) status = 128 + signal(channel.getExitSignal());
            if (status == null) {
                if (!isOpen(session)) {
                    connection.discard(session);
                    throw new ConnectionLost(true, new IOException("the channel closed without an exit status"));
                }
                throw new DrmCommunicationException(command.program() + " on " + describe() + " ended without an exit status");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.debug("{} -> exit {} in {} ms over SSH", command.program(), status, elapsed.toMillis());
            return new CommandResult(command, status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), elapsed);
        } finally {
            channel.close(true);
        }
    }

    private static boolean isOpen(ClientSession session) {
        return session.isOpen() && !session.isClosing();
    }

    private static int signal(String name) {
        try {
            return Signals.number(name);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** @return how many connections were opened so far (1 while the first one holds) */
    public int connects() {
        return connection.connects();
    }

    /** @return the shared connection, for the remote session store */
    SshConnection connection() {
        return connection;
    }

    @Override
    public String describe() {
        return connection.describe();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        connection.release();
    }

    /** The connection broke; {@code sent} tells whether the command may have started. */
    /** The server refused to open a channel on a live connection: the command did not run. */
    private static final class ChannelRefused extends Exception {
        ChannelRefused(Throwable cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private static final class ConnectionLost extends Exception {
        final boolean sent;

        ConnectionLost(boolean sent, Throwable cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            this.sent = sent;
        }
    }
}
