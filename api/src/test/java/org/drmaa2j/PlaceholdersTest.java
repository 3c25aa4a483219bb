// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void expand_replacesEveryPlaceholderEveryTime() {
        String v = "$DRMAA2_HOME_DIR$/a/$DRMAA2_WORKING_DIR$/$DRMAA2_INDEX$.$DRMAA2_INDEX$";
        assertEquals("/home/u/a//w/7.7", Placeholders.expand(v, "/home/u", "/w", 7));
    }

    @Test
    void expand_withoutPlaceholders_unchanged() {
        assertEquals("/tmp/out", Placeholders.expand("/tmp/out", "/h", "/w", 1));
        assertNull(Placeholders.expand(null, "/h", "/w", 1));
    }

    @Test
    void expand_unknownTokenLeftAlone() {
        assertEquals("$DRMAA2_FOO$", Placeholders.expand("$DRMAA2_FOO$", "/h", "/w", 1));
    }

    @Test
    void findUnknown_returnsFirstUnknownToken() {
        assertEquals("$DRMAA2_FOO$", Placeholders.findUnknown("$DRMAA2_INDEX$-$DRMAA2_FOO$-$DRMAA2_BAR$"));
        assertEquals("$DRMAA2_$", Placeholders.findUnknown("x$DRMAA2_$"));
    }

    @Test
    void findUnknown_knownOrNone_null() {
        assertNull(Placeholders.findUnknown(null));
        assertNull(Placeholders.findUnknown("plain"));
        assertNull(Placeholders.findUnknown(String.join("", Placeholders.ALL)));
        assertNull(Placeholders.findUnknown("$DRMAA2_INCOMPLETE"));
        assertNull(Placeholders.findUnknown("$drmaa2_index$"));
    }
}
