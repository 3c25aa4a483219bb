// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

class CompletionMarkerTest {
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
}
