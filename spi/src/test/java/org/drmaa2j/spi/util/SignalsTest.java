// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignalsTest {
    @Test
    void namesAndNumbers() {
        assertEquals("SIGKILL", Signals.name(9));
        assertEquals("SIGTERM", Signals.name(15));
        assertEquals("SIGXCPU", Signals.name(24));
        assertNull(Signals.name(0));
        assertEquals(9, Signals.number("KILL"));
        assertEquals(9, Signals.number("sigkill"));
        assertEquals(19, Signals.number("SIGSTOP"));
        assertEquals(15, Signals.number("15"));
        assertThrows(IllegalArgumentException.class, () -> Signals.number("SIGNOPE"));
        for (int i = 1; i < 32; i++) assertEquals(i, Signals.number(Signals.name(i)));
    }

    @Test
    void shellStatus() {
        assertEquals("SIGKILL", Signals.fromShellStatus(137));
        assertNull(Signals.fromShellStatus(3));
        assertNull(Signals.fromShellStatus(128));
    }
}
