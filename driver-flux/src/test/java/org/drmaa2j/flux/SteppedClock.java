// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.spi.util.MonotonicClock;

/**
 * A clock that moves only when the test steps it. Each time code starts waiting on it a permit is
 * released, so a test can block (under a safety cap) until the code under test is waiting.
 */
final class SteppedClock implements MonotonicClock {
    private final Set<Object> monitors = ConcurrentHashMap.newKeySet();
    private final Semaphore waits = new Semaphore(0);
    private volatile long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void timedWait(Object monitor, long nanos) throws InterruptedException {
        monitors.add(monitor);
        waits.release();
        monitor.wait();
    }

    /** @param nanos how far to move; everything waiting on the clock wakes */
    void step(long nanos) {
        now += nanos;
        for (Object m : monitors) {
            synchronized (m) {
                m.notifyAll();
            }
        }
    }

    /** @return true once code has started one more wait on the clock, false if not within the safety cap */
    boolean awaitWait(long capSeconds) throws InterruptedException {
        return waits.tryAcquire(capSeconds, TimeUnit.SECONDS);
    }
}
