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

    /**
     * Reads a policy from driver properties {@code drmaa2j.retry.attempts},
     * {@code drmaa2j.retry.initialBackoffMs}, {@code drmaa2j.retry.maxBackoffMs} and
     * {@code drmaa2j.retry.budgetMs}, falling back to {@link #DEFAULT}.
     *
     * @param properties driver properties
     * @return the policy
     */
    public static RetryPolicy fromProperties(java.util.Map<String, String> properties) {
        return new RetryPolicy(
                Integer.parseInt(properties.getOrDefault("drmaa2j.retry.attempts", String.valueOf(DEFAULT.maxAttempts))),
                Duration.ofMillis(Long.parseLong(properties.getOrDefault("drmaa2j.retry.initialBackoffMs", String.valueOf(DEFAULT.initialBackoff.toMillis())))),
                Duration.ofMillis(Long.parseLong(properties.getOrDefault("drmaa2j.retry.maxBackoffMs", String.valueOf(DEFAULT.maxBackoff.toMillis())))),
                Duration.ofMillis(Long.parseLong(properties.getOrDefault("drmaa2j.retry.budgetMs", String.valueOf(DEFAULT.budget.toMillis())))));
    }
}
