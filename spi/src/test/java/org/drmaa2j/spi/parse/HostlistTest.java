// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostlistTest {
    @Test
    void expand_keepsTheRangesZeroPadding() {
        assertEquals(List.of("nid00192", "nid00246", "nid00264", "nid00265"), Hostlist.expand("nid00[192,246,264-265]"));
        assertEquals(List.of("n08", "n09", "n10", "n11"), Hostlist.expand("n[08-11]"));
        assertEquals(List.of("n8", "n9", "n10"), Hostlist.expand("n[8-10]"));
        assertEquals(List.of("a1-ib", "a2-ib", "b"), Hostlist.expand("a[1-2]-ib,b"));
    }
}
