// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionMarkerTest {
    @TempDir
    Path dir;

    /** What a script whose command was killed by SIGKILL writes (exit empty, signal 9). */
    private static final CompletionMarker KILLED = CompletionMarker.parse("exit=\nsignal=9\nend=1796543868\n");

    private static JobInfo ended(Integer exit, String signal) {
        return JobInfo.builder().jobId("82.pbshost").jobState(JobState.FAILED).jobSubState("F")
                .exitStatus(exit).terminatingSignal(signal).build();
    }

    @Test
    void overrule_shellStatusOfTheMarkersSignal_markerWins() {
        JobInfo i = KILLED.overrule(ended(137, null));
        assertEquals(JobState.FAILED, i.getJobState());
        assertNull(i.getExitStatus());
        assertEquals("SIGKILL", i.getTerminatingSignal());
        assertEquals("F", i.getJobSubState());
    }

    @Test
    void overrule_anyOtherDisagreement_schedulerStands() {
        JobInfo exit3 = ended(3, null);
        assertSame(exit3, KILLED.overrule(exit3));
        JobInfo otherSignal = ended(143, null);
        assertSame(otherSignal, KILLED.overrule(otherSignal));
        JobInfo signalled = ended(null, "SIGTERM");
        assertSame(signalled, KILLED.overrule(signalled));
        JobInfo plain137 = ended(137, null);
        assertSame(plain137, CompletionMarker.parse("exit=137\nsignal=0\n").overrule(plain137));
        assertNull(KILLED.overrule(null));
    }

    @Test
    void explainsShellStatus() {
        assertEquals(true, KILLED.explainsShellStatus(137));
        assertEquals(false, KILLED.explainsShellStatus(9));
        assertEquals(false, KILLED.explainsShellStatus(null));
        assertEquals(false, CompletionMarker.parse("exit=0\nsignal=0\n").explainsShellStatus(128));
    }

    @Test
    void read_aMarkerWithoutItsWholeSignalLine_isNotWrittenYet() throws Exception {
        Path f = dir.resolve("t.1.exit");
        for (String partial : new String[] {"", "exit=3\n", "exit=3\nsig", "exit=3\nsignal=0", "signal=0"}) {
            Files.writeString(f, partial);
            assertTrue(CompletionMarker.read(f).isEmpty(), "being written: '" + partial + "'");
        }
        Files.writeString(f, "exit=3\nsignal=0\n");
        assertEquals(3, CompletionMarker.read(f).orElseThrow().exitStatus());
        Files.writeString(f, "signal=9\nexit=\n");
        assertEquals(9, CompletionMarker.read(f).orElseThrow().signal());
        assertTrue(CompletionMarker.read(dir.resolve("missing.exit")).isEmpty());
    }

    @Test
    void read_aMarkerWithoutEnd_endedWhenItWasWritten() throws Exception {
        Path f = dir.resolve("t.2.exit");
        Files.writeString(f, "exit=0\nsignal=0\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-12-06T21:00:07.250Z")));
        CompletionMarker m = CompletionMarker.read(f).orElseThrow();
        assertEquals(Instant.parse("2026-12-06T21:00:07Z"), m.end(), "the file's modification time, whole seconds as end= has");
        assertEquals(JobState.DONE, m.state());
        Files.writeString(f, "exit=0\nsignal=0\nend=1796543868\n");
        assertEquals(Instant.ofEpochSecond(1796543868), CompletionMarker.read(f).orElseThrow().end(), "a written end stands");
    }
}
