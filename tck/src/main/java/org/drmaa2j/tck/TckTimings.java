// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.time.Duration;
import java.util.Objects;

/**
 * How slow the cluster under test is. Every wait of the TCK derives from these values, so a slow
 * scheduler passes by raising them instead of by skipping tests.
 *
 * @param schedulingDelay how long a short job may take from submission to start when the cluster is idle;
 *                        also how long the TCK watches a held job to see that it does not start
 * @param jobTimeout      the longest the TCK waits for any short job to reach a state
 * @param longJobSeconds  how long a "long" job sleeps; such jobs are always terminated by the test
 */
public record TckTimings(Duration schedulingDelay, Duration jobTimeout, long longJobSeconds) {
    /** Defaults for a scheduler that starts jobs within seconds. */
    public static final TckTimings DEFAULT = new TckTimings(Duration.ofSeconds(3), Duration.ofSeconds(60), 300);

    /** Checks the values. */
    public TckTimings {
        Objects.requireNonNull(schedulingDelay, "schedulingDelay");
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        if (longJobSeconds < 30) throw new IllegalArgumentException("longJobSeconds must be at least 30");
    }

    /** @param d the scheduling delay @return a copy with it */
    public TckTimings withSchedulingDelay(Duration d) {
        return new TckTimings(d, jobTimeout, longJobSeconds);
    }

    /** @param d the job timeout @return a copy with it */
    public TckTimings withJobTimeout(Duration d) {
        return new TckTimings(schedulingDelay, d, longJobSeconds);
    }
}
