// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The two special wait timeouts of DRMAA2. Any negative duration also means "wait forever".
 */
public final class Timeouts {
    /** Do not wait: check once and throw {@link WaitTimeoutException} if the condition does not hold. */
    public static final Duration ZERO = Duration.ZERO;
    /** Wait until the condition holds, however long. */
    public static final Duration INFINITE = ChronoUnit.FOREVER.getDuration();

    private static final Duration CENTURY = Duration.ofDays(36525);

    private Timeouts() {
    }

    /**
     * @param timeout a wait timeout
     * @return true when it means "wait forever": {@link #INFINITE}, anything negative, or a century or more
     * @throws InvalidArgumentException if {@code timeout} is null
     */
    public static boolean isInfinite(Duration timeout) {
        if (timeout == null) throw new InvalidArgumentException("timeout", "must not be null; use Timeouts.INFINITE to wait forever");
        return timeout.isNegative() || timeout.compareTo(CENTURY) >= 0;
    }
}
