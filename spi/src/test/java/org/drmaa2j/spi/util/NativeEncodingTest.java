// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.drmaa2j.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** What a JVM without a UTF-8 locale (file-name encoding ASCII) can hand to the operating system. */
class NativeEncodingTest {
    @Test
    void ascii_refusesNonAsciiNamingTheField_utf8PassesEverything() {
        assertTrue(NativeEncoding.canPass(StandardCharsets.US_ASCII, "plain /tmp/x"));
        assertTrue(NativeEncoding.canPass(StandardCharsets.US_ASCII, null));
        assertFalse(NativeEncoding.canPass(StandardCharsets.US_ASCII, "/tmp/caf\u00e9"));
        assertTrue(NativeEncoding.canPass(StandardCharsets.UTF_8, "/tmp/caf\u00e9 \u65e5\u672c"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> NativeEncoding.requirePassable(StandardCharsets.US_ASCII, "outputPath", "/tmp/caf\u00e9"));
        assertEquals("outputPath", e.getField());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        NativeEncoding.requirePassable(StandardCharsets.UTF_8, "outputPath", "/tmp/caf\u00e9");
    }
}
