// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void parse_splitsAtFirstDot() {
        assertEquals(new Version("22", "05.8"), Version.parse("22.05.8"));
        assertEquals("22.05.8", Version.parse(" 22.05.8 ").toString());
    }

    @Test
    void parse_noDot_minorZero() {
        assertEquals(new Version("7", "0"), Version.parse("7"));
    }

    @Test
    void parse_blankOrNull_unknown() {
        assertEquals(new Version("unknown", "unknown"), Version.parse(null));
        assertEquals(new Version("unknown", "unknown"), Version.parse("  "));
    }

    @Test
    void constructor_nullPart_throws() {
        assertThrows(NullPointerException.class, () -> new Version(null, "1"));
        assertThrows(NullPointerException.class, () -> new Version("1", null));
    }
}
