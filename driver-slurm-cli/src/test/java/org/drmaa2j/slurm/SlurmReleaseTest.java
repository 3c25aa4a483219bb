// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drmaa2j.Version;
import org.junit.jupiter.api.Test;

/** The release a connection learns from {@code squeue --version}, and the formats it picks. */
class SlurmReleaseTest {
    @Test
    void debianAndUpstreamVersionLines_areRead() {
        SlurmRelease r = SlurmRelease.parse("slurm-wlm 22.05.8\n");
        assertEquals("22.05.8", r.version());
        assertEquals(new Version("22", "05.8"), r.toVersion());
        assertFalse(r.squeueExitCodeIsExitSignal());
        SlurmRelease upstream = SlurmRelease.parse("slurm 24.11.5");
        assertEquals("24.11.5", upstream.version());
        assertTrue(upstream.squeueExitCodeIsExitSignal());
        assertEquals("24.11.5", upstream.formats());
    }

    @Test
    void exitCodeFormat_switchesAt2302() {
        assertFalse(SlurmRelease.parse("slurm 20.11.4").squeueExitCodeIsExitSignal());
        assertFalse(SlurmRelease.parse("slurm 22.05.11").squeueExitCodeIsExitSignal());
        assertTrue(SlurmRelease.parse("slurm 23.02.0").squeueExitCodeIsExitSignal());
        assertTrue(SlurmRelease.parse("slurm 23.11.10").squeueExitCodeIsExitSignal());
    }

    @Test
    void newerRelease_isReadWithTheNewestKnownFormats() {
        SlurmRelease r = SlurmRelease.parse("slurm 25.05.1");
        assertEquals("25.05.1", r.version());
        assertEquals(SlurmRelease.NEWEST_CHECKED.formats(), r.formats());
        assertTrue(r.squeueExitCodeIsExitSignal());
    }

    @Test
    void unreadableVersion_isTheNewestKnown_neverACrash() {
        for (String garbled : new String[] {null, "", "slurm", "command not found", "slurm 99999999999999999999.1"}) {
            SlurmRelease r = SlurmRelease.parse(garbled);
            assertEquals(SlurmRelease.NEWEST_CHECKED.formats(), r.formats(), String.valueOf(garbled));
            assertTrue(r.squeueExitCodeIsExitSignal());
            assertEquals("unknown", r.version());
        }
    }

    @Test
    void olderRelease_keepsItsOwnFormats() {
        SlurmRelease r = SlurmRelease.parse("slurm 19.05.5");
        assertEquals("19.05.5", r.formats());
        assertFalse(r.squeueExitCodeIsExitSignal());
    }

    @Test
    void squeueExitCode_readsBothForms() {
        assertArrayEquals(new int[] {3, 0}, SlurmJobRows.squeueExitCode("768"));
        assertArrayEquals(new int[] {3, 0}, SlurmJobRows.squeueExitCode("3:0"));
        assertArrayEquals(new int[] {0, 9}, SlurmJobRows.squeueExitCode("9"));
        assertArrayEquals(new int[] {0, 9}, SlurmJobRows.squeueExitCode("0:9"));
        assertArrayEquals(new int[] {255, 0}, SlurmJobRows.squeueExitCode("255:0"));
        assertArrayEquals(new int[] {255, 0}, SlurmJobRows.squeueExitCode("65280"));
        assertNull(SlurmJobRows.squeueExitCode("4294967294"));
        assertNull(SlurmJobRows.squeueExitCode("N/A"));
        assertNull(SlurmJobRows.squeueExitCode(":"));
        assertNull(SlurmJobRows.squeueExitCode(""));
        assertNull(SlurmJobRows.squeueExitCode(null));
    }
}
