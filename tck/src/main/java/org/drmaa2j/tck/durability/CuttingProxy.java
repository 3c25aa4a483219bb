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
 * through it at once, {@link #down(boolean)} also refuses new ones until it is up again,
 * {@link #cutRandomly} cuts at random moments, and {@link #cutAfterRandomBytes} cuts each connection
 * after a random number of bytes (so that where a cut lands does not depend on how busy the machine
 * is: every connection gets through its handshake and carries a few commands, and is cut in the
 * middle of one). Randomness comes from a seed the caller prints, so a run can be replayed. It
 * listens on 127.0.0.1 only and forwards only to 127.0.0.1.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket[]> pairs = new CopyOnWriteArrayList<>();
    private final List<java.util.concurrent.atomic.AtomicLong> budgets = new CopyOnWriteArrayList<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean closed;
    private volatile Thread cutter;
    private volatile Random byteCuts;
    private volatile long minBytes;
    private volatile long maxBytes;

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
                java.util.concurrent.atomic.AtomicLong budget = new java.util.concurrent.atomic.AtomicLong(budget());
                budgets.add(budget);
                pump(client, upstream, pair, budget);
                pump(upstream, client, pair, budget);
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    /** @return how many bytes a new connection may carry before it is cut; {@code Long.MAX_VALUE} for no limit */
    private synchronized long budget() {
        Random r = byteCuts;
        if (r == null) return Long.MAX_VALUE;
        return minBytes + (long) (r.nextDouble() * (maxBytes - minBytes));
    }

    private void pump(Socket from, Socket to, Socket[] pair, java.util.concurrent.atomic.AtomicLong budget) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    long left = budget.addAndGet(-n);
                    if (left < 0) {
                        int part = (int) Math.max(0, n + left); // forward up to the budget, then cut
                        if (part > 0) out.write(buf, 0, part);
                        out.flush();
                        cuts.incrementAndGet();
                        break;
                    }
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

    /**
     * Cuts each new connection after a random number of bytes (both directions together), until
     * {@link #stopCutting()}.
     *
     * @param random the source of the budgets
     * @param min the fewest bytes a connection carries
     * @param max the most bytes a connection carries
     */
    public synchronized void cutAfterRandomBytes(Random random, long min, long max) {
        this.minBytes = min;
        this.maxBytes = max;
        this.byteCuts = random;
    }

    /** Stops {@link #cutRandomly} and {@link #cutAfterRandomBytes}, for the connections made before too. */
    public void stopCutting() {
        synchronized (this) {
            byteCuts = null;
            for (java.util.concurrent.atomic.AtomicLong b : budgets) b.set(Long.MAX_VALUE / 2);
            budgets.clear();
        }
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
