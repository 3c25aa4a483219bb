// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BashWordTest {
    static final List<String> HOSTILE = List.of("", "plain", "it's \"quoted\"", "$HOME ${PATH} $(id) `id` $'x'",
            "line\nbreak\r\n\ttab", "back\\slash \\n \\\\", "äöü 日本語 🚀", "\u0001\u001f\u007f", "\\x41 \\'");

    @Test
    void ansiC_holdsOnlyPrintableAsciiWithoutQuotesOrDollars() {
        for (String v : HOSTILE) {
            String q = BashWord.ansiC(v);
            assertTrue(q.startsWith("$'") && q.endsWith("'"), q);
            String body = q.substring(2, q.length() - 1);
            assertTrue(body.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\'' && c != '"' && c != '$' && c != '`'), q);
        }
        assertEquals("$'a\\nb\\x27c\\x24'", BashWord.ansiC("a\nb'c$"));
    }

    @Test
    void ansiC_refusesNul() {
        assertThrows(IllegalArgumentException.class, () -> BashWord.ansiC("a\0b"));
    }

    @Test
    void ansiC_isReadBackExactlyByBash(@TempDir Path dir) throws IOException, InterruptedException {
        for (String v : HOSTILE) {
            Path out = dir.resolve("out");
            Process p = new ProcessBuilder("/bin/bash", "-c", "printf %s " + BashWord.ansiC(v) + " > \"$1\"", "sh", out.toString())
                    .redirectErrorStream(true).start();
            assertEquals(0, p.waitFor());
            assertEquals(v, new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
        }
    }
}
