// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.util.concurrent.TimeUnit;

/**
 * The time source of code that waits for intervals to pass (the status poller), so that tests can
 * drive it with a clock of their own instead of sleeping and counting against the wall clock.
 */
public interface MonotonicClock {
    /** The machine's monotonic clock: {@link System#nanoTime()} and {@link Object#wait(long, int)}. */
    MonotonicClock SYSTEM = new MonotonicClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void timedWait(Object monitor, long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
        }
    };

    /** @return the current time in nanoseconds, only meaningful as a difference, like {@link System#nanoTime()} */
    long nanoTime();

    /**
     * Waits on {@code monitor}, which the caller holds, until it is notified or {@code nanos} of this
     * clock's time have passed (or spuriously, as {@link Object#wait()} may).
     *
     * @param monitor the object to wait on, held by the caller
     * @param nanos at most how long, on this clock
     * @throws InterruptedException if interrupted
     */
    void timedWait(Object monitor, long nanos) throws InterruptedException;
}
