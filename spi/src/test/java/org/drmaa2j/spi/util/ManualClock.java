// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MonotonicClock} that stands still until the test {@link #advance advances} it. Code
 * waiting on it waits until notified or advanced; {@link #awaitWaits(long)} lets a test wait, without
 * any wall-clock bound of its own, until that code is back waiting (it has done what the last event
 * made it do).
 */
public final class ManualClock implements MonotonicClock {
    /** A safety cap for {@link #awaitWaits(long)}: far above anything an idle machine needs. */
    private static final Duration CAP = Duration.ofMinutes(2);
    private final Set<Object> monitors = ConcurrentHashMap.newKeySet();
    private long now = 1_000_000_000L;
    private long waits;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void timedWait(Object monitor, long nanos) throws InterruptedException {
        monitors.add(monitor);
        synchronized (this) {
            waits++;
            notifyAll();
        }
        monitor.wait(); // the caller holds the monitor; advance() and the code's own notifications wake it
    }

    /** @return how many times code has started waiting on this clock */
    public synchronized long waits() {
        return waits;
    }

    /**
     * Moves the clock forward and wakes everything waiting on it.
     *
     * @param d how far
     */
    public void advance(Duration d) {
        synchronized (this) {
            now += d.toNanos();
        }
        for (Object m : monitors) {
            synchronized (m) {
                m.notifyAll();
            }
        }
    }

    /**
     * Blocks until code has started waiting on this clock at least {@code count} times.
     *
     * @param count the number of waits to reach
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if that does not happen within a generous safety cap
     */
    public synchronized void awaitWaits(long count) throws InterruptedException {
        long deadline = System.nanoTime() + CAP.toNanos();
        while (waits < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new IllegalStateException("nothing waited on the clock " + count + " times within " + CAP + " (" + waits + ")");
            wait(left / 1_000_000 + 1);
        }
    }
}
