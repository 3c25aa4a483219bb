// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.DrmCommunicationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running fork server ({@code fork-server.pl}) and the request/response protocol spoken with
 * it. Not thread-safe: {@link ForkServerCommandRunner} hands each server to one caller at a time.
 */
final class ForkServer {
    private static final Logger LOG = LoggerFactory.getLogger(ForkServer.class);
    /** Grace on top of a command's own time-out before the server itself is presumed dead. */
    private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(15);

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private boolean answeredOnce;

    private ForkServer(Process process) {
        this.process = process;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 65536));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 65536));
        OutputDrainers.POOL.execute(() -> logErrors(process.getErrorStream()));
    }

    /**
     * @param launcher argv that starts {@code perl -e <script>}, possibly behind a transport such as {@code docker exec -i}
     * @param environment variables added to the server's inherited environment
     * @return the started server
     * @throws IOException if the launcher cannot be started
     */
    static ForkServer start(List<String> launcher, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher);
        pb.environment().putAll(environment);
        return new ForkServer(pb.start());
    }

    /** @return true once the server has answered a request, which proves the transport and perl work */
    boolean hasAnswered() {
        return answeredOnce;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * @param command what to run
     * @return its result
     * @throws IOException if the server died or the pipe broke; the server must then be discarded
     */
    CommandResult run(Command command) throws IOException {
        long start = System.nanoTime();
        ScheduledFuture<?> watchdog = Watchdog.TIMER.schedule(this::destroy,
                command.timeout().plus(WATCHDOG_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try {
            out.writeInt(command.argv().size());
            for (String a : command.argv()) writeBytes(a.getBytes(StandardCharsets.UTF_8));
            if (command.stdin() == null) out.writeInt(-1);
            else writeBytes(command.stdin());
            out.writeInt((int) Math.min(Integer.MAX_VALUE, command.timeout().toMillis()));
            out.flush();
            int status = in.readInt();
            String stdout = new String(readBytes(), StandardCharsets.UTF_8);
            String stderr = new String(readBytes(), StandardCharsets.UTF_8);
            answeredOnce = true;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (status == -1) {
                throw new CommandNotFoundException("cannot run " + command.program() + ": " + stderr.strip(), null);
            }
            if (status == -2) {
                throw new DrmCommunicationException(command.program() + " did not finish within "
                        + command.timeout().toSeconds() + " s and was killed");
            }
            return new CommandResult(command, status, stdout, stderr, elapsed);
        } finally {
            watchdog.cancel(false);
        }
    }

    private void writeBytes(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private byte[] readBytes() throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 512 * 1024 * 1024) throw new IOException("fork server sent a bad length " + n);
        return in.readNBytes(n);
    }

    void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void logErrors(InputStream err) {
        try (err) {
            String text = new String(err.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) LOG.debug("fork server: {}", text);
        } catch (IOException e) {
            LOG.trace("fork server error stream: {}", e.toString());
        }
    }

    /** The shared daemon timer that kills servers which stop answering. */
    private static final class Watchdog {
        static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "drmaa2j-fork-server-watchdog");
                    t.setDaemon(true);
                    return t;
                });
    }
}
