// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TckExclusionsTest {
    @TempDir
    Path dir;

    private static TckExclusions parse(String text) throws Exception {
        return TckExclusions.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void parse_idsAndEnvironmentIds_withReasons() throws Exception {
        TckExclusions e = parse("# comment\nJOB-14 = qsig is missing\nslurm-ssh/JT-9 = the scratch directory is not shared\n");
        assertEquals(Optional.of("qsig is missing"), e.reason("JOB-14", "any"));
        assertEquals(Optional.of("the scratch directory is not shared"), e.reason("JT-9", "slurm-ssh"));
        assertEquals(Optional.empty(), e.reason("JT-9", "slurm-container"));
        assertEquals(Optional.empty(), e.reason("JOB-1", "slurm-ssh"));
        assertEquals(Map.of("JOB-14", "qsig is missing", "slurm-ssh/JT-9", "the scratch directory is not shared"), e.all());
    }

    @Test
    void parse_noReasonOrBadKey_refused() {
        IllegalStateException a = assertThrows(IllegalStateException.class, () -> parse("JOB-14 =  \n"));
        assertTrue(a.getMessage().contains("JOB-14 gives no reason"), a.getMessage());
        IllegalStateException b = assertThrows(IllegalStateException.class, () -> parse("job14 = why\n"));
        assertTrue(b.getMessage().contains("'job14'"), b.getMessage());
    }

    @Test
    void load_fileProperty_winsOverResource() throws Exception {
        Path f = Files.writeString(dir.resolve("x.properties"), "SM-1 = because\n");
        String old = System.getProperty(TckExclusions.FILE_PROPERTY);
        System.setProperty(TckExclusions.FILE_PROPERTY, f.toString());
        try {
            TckExclusions e = TckExclusions.load(getClass().getClassLoader());
            assertEquals(Optional.of("because"), e.reason("SM-1", "local"));
            assertEquals(f.toString(), e.source());
        } finally {
            if (old == null) System.clearProperty(TckExclusions.FILE_PROPERTY);
            else System.setProperty(TckExclusions.FILE_PROPERTY, old);
        }
        assertEquals("none", TckExclusions.load(new ClassLoader(null) { }).source());
    }
}
