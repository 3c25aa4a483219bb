// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    @Test
    void isInfinite_infiniteNegativeAndHuge_true() {
        assertTrue(Timeouts.isInfinite(Timeouts.INFINITE));
        assertTrue(Timeouts.isInfinite(Duration.ofSeconds(-1)));
        assertTrue(Timeouts.isInfinite(Duration.ofNanos(-1)));
        assertTrue(Timeouts.isInfinite(Duration.ofDays(36525)));
    }

    @Test
    void isInfinite_finite_false() {
        assertFalse(Timeouts.isInfinite(Timeouts.ZERO));
        assertFalse(Timeouts.isInfinite(Duration.ofSeconds(5)));
        assertFalse(Timeouts.isInfinite(Duration.ofDays(365)));
    }

    @Test
    void isInfinite_null_namesTimeout() {
        assertEquals("timeout", assertThrows(InvalidArgumentException.class, () -> Timeouts.isInfinite(null)).getField());
    }
}
