// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that a test puts between a driver and a server (a container's sshd on a
 * localhost-mapped port) to cut the connection on purpose: {@link #cut()} resets every connection
 * through it at once, {@link #down(boolean)} also refuses new ones until it is up again, and
 * {@link #cutRandomly} cuts at random moments from a seed (printed by the caller, so a run can be
 * replayed). It listens on 127.0.0.1 only and forwards only to 127.0.0.1.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket[]> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean closed;
    private volatile Thread cutter;

    /**
     * @param targetPort the port on 127.0.0.1 to forward to
     * @throws IOException when no port can be bound
     */
    public CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::accept, "cutting-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    /** @return the port the proxy listens on (127.0.0.1) */
    public int port() {
        return server.getLocalPort();
    }

    /** @return how many times connections were cut */
    public int cuts() {
        return cuts.get();
    }

    /** @return how many connections were made through the proxy */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (down) {
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Socket[] pair = {client, upstream};
                pairs.add(pair);
                connections.incrementAndGet();
                pump(client, upstream, pair);
                pump(upstream, client, pair);
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    private void pump(Socket from, Socket to, Socket[] pair) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or closed by an end
            } finally {
                reset(pair[0]);
                reset(pair[1]);
                pairs.remove(pair);
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Resets every connection through the proxy now (both sides see a reset, not a clean close). */
    public void cut() {
        cuts.incrementAndGet();
        for (Socket[] pair : pairs) {
            reset(pair[0]);
            reset(pair[1]);
        }
    }

    /**
     * @param isDown true: cut every connection and refuse new ones; false: accept them again
     */
    public void down(boolean isDown) {
        this.down = isDown;
        if (isDown) cut();
    }

    /**
     * Cuts every connection at random moments, until {@link #stopCutting()}.
     *
     * @param random the source of the pauses
     * @param minMillis the shortest pause between cuts
     * @param maxMillis the longest pause between cuts
     */
    public void cutRandomly(Random random, int minMillis, int maxMillis) {
        stopCutting();
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(minMillis + random.nextInt(Math.max(1, maxMillis - minMillis)));
                    cut();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cutting-proxy-cutter");
        t.setDaemon(true);
        cutter = t;
        t.start();
    }

    /** Stops {@link #cutRandomly}; waits for its thread. */
    public void stopCutting() {
        Thread t = cutter;
        cutter = null;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        stopCutting();
        server.close();
        for (Socket[] pair : pairs) {
            reset(pair[0]);
            reset(pair[1]);
        }
    }
}
