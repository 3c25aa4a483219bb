// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;

/**
 * Watches the file of a {@link JobScripts#TICK} job (a line a second while it runs) to tell
 * whether the job runs, without depending on how long a suspend or resume takes to land: counts
 * are compared over observation windows several ticks long, and every wait for a change has a
 * safety cap of the TCK's timings.
 */
public final class Ticks {
    /** An observation window: two and a half tick intervals of an idle machine. */
    static final Duration WINDOW = Duration.ofMillis(2500);

    private final Tck tck;
    private final String file;

    /**
     * @param tck the TCK
     * @param file the path the job ticks into
     */
    public Ticks(Tck tck, String file) {
        this.tck = tck;
        this.file = file;
    }

    /** @return how many ticks the job wrote so far */
    public int count() {
        String s = tck.readFile(file);
        return s.isEmpty() ? 0 : s.split("\n").length;
    }

    /**
     * Waits until the count grows past {@code from}, or fails after the cap.
     *
     * @param from a count seen earlier
     * @param what what the job should be doing, for the failure message
     * @return the grown count
     */
    public int awaitGrowth(int from, String what) {
        Instant until = Instant.now().plus(cap());
        while (true) {
            int n = count();
            if (n > from) return n;
            if (Instant.now().isAfter(until)) fail(what + ": the job wrote no tick past " + from + " within " + cap());
            Tck.pause(200);
        }
    }

    /**
     * Waits until the count stops growing over two consecutive windows (a stop the scheduler may
     * take a while to deliver), or fails after the cap; then watches a further window and fails
     * if the count grows in it.
     *
     * @return the count that stays
     */
    public int awaitStopped() {
        Instant until = Instant.now().plus(cap());
        int a = count();
        Tck.pause(WINDOW.toMillis());
        int b = count();
        while (true) {
            Tck.pause(WINDOW.toMillis());
            int c = count();
            if (a == b && b == c) break;
            if (Instant.now().isAfter(until)) fail("a suspended job kept running: its ticks went from " + a + " to " + c + " after " + cap());
            a = b;
            b = c;
        }
        Tck.pause(WINDOW.toMillis());
        int later = count();
        if (later != b) fail("a suspended job kept running: its ticks went from " + b + " to " + later + " after they had stopped for two windows of " + WINDOW);
        return later;
    }

    /** The safety cap of each wait: the job timeout, and at least three times the idle duration of a settle (three windows). */
    private Duration cap() {
        Duration idle = WINDOW.multipliedBy(3);
        Duration min = idle.multipliedBy(3);
        return tck.jobTimeout().compareTo(min) > 0 ? tck.jobTimeout() : min;
    }
}
