// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.time.Duration;

/**
 * How often and how patiently a transient failure is retried: exponential backoff from
 * {@code initialBackoff}, doubled each attempt up to {@code maxBackoff}, until {@code maxAttempts}
 * attempts or {@code budget} total time are used up, whichever comes first.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff pause after the first failure
 * @param maxBackoff longest pause
 * @param budget total time after which no further attempt starts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget) {
    /** Five attempts, 0.5 s doubling to 8 s, within one minute. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(1));
    /** One attempt. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the numbers.
     *
     * @param maxAttempts attempts in all, at least 1
     * @param initialBackoff pause after the first failure
     * @param maxBackoff longest pause
     * @param budget total time after which no further attempt starts
     */
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    /**
     * @param failedAttempts attempts made so far, at least 1
     * @return the pause before the next attempt
     */
    public Duration backoff(int failedAttempts) {
        long ms = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }

    /** Driver property: attempts in all. */
    public static final String ATTEMPTS = "drmaa2j.retry.attempts";
    /** Driver property: the pause after the first failure, in milliseconds. */
    public static final String INITIAL_BACKOFF_MS = "drmaa2j.retry.initialBackoffMs";
    /** Driver property: the longest pause, in milliseconds. */
    public static final String MAX_BACKOFF_MS = "drmaa2j.retry.maxBackoffMs";
    /** Driver property: the total time after which no further attempt starts, in milliseconds. */
    public static final String BUDGET_MS = "drmaa2j.retry.budgetMs";

    /**
     * Reads a policy from driver properties {@value #ATTEMPTS}, {@value #INITIAL_BACKOFF_MS},
     * {@value #MAX_BACKOFF_MS} and {@value #BUDGET_MS}, falling back to {@link #DEFAULT}.
     *
     * @param properties driver properties
     * @return the policy
     * @throws org.drmaa2j.InvalidArgumentException naming the key of a value that is not a number
     */
    public static RetryPolicy fromProperties(java.util.Map<String, String> properties) {
        return from(new org.drmaa2j.spi.util.DriverSettings("", properties, java.util.Set.of()));
    }

    /**
     * Reads a policy from the driver settings, as {@link #fromProperties} does.
     *
     * @param settings the driver settings
     * @return the policy
     * @throws org.drmaa2j.InvalidArgumentException naming the key of a value that is not a number
     */
    public static RetryPolicy from(org.drmaa2j.spi.util.DriverSettings settings) {
        return new RetryPolicy(settings.getInt(ATTEMPTS, DEFAULT.maxAttempts, 1),
                Duration.ofMillis(settings.getLong(INITIAL_BACKOFF_MS, DEFAULT.initialBackoff.toMillis(), 0)),
                Duration.ofMillis(settings.getLong(MAX_BACKOFF_MS, DEFAULT.maxBackoff.toMillis(), 0)),
                Duration.ofMillis(settings.getLong(BUDGET_MS, DEFAULT.budget.toMillis(), 0)));
    }
}
