// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class NativeOptionsTest {
    @Test
    void lines_splitOnAnyLineBreak_skipBlanks_strip() {
        assertEquals(List.of("-x", "-R \"select[mem>100]\"", "--exclusive"),
                NativeOptions.lines("  -x \r\n\n-R \"select[mem>100]\"\r--exclusive\n", "bsub"));
        assertEquals(List.of(), NativeOptions.lines(null, "bsub"));
    }

    @Test
    void lines_refuseWhatIsNotAnOption_namingTheKey() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> NativeOptions.lines("-x\nrm -rf /", "bsub"));
        assertEquals("extensions[" + Extensions.NATIVE_OPTIONS + "]", e.getField());
        assertTrue(e.getMessage().contains("'rm -rf /' is not a bsub option"), e.getMessage());
    }
}
