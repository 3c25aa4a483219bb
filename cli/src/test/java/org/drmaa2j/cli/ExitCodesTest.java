// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    private static int code(JobState state, Integer exit, String signal) {
        return ExitCodes.of(JobInfo.builder().jobState(state).exitStatus(exit).terminatingSignal(signal).build());
    }

    @Test
    void of_done_zero() {
        assertEquals(0, code(JobState.DONE, 0, null));
        assertEquals(0, code(JobState.DONE, null, null));
    }

    @Test
    void of_failedWithStatus_thatStatus() {
        assertEquals(3, code(JobState.FAILED, 3, null));
        assertEquals(255, code(JobState.FAILED, 255, null));
    }

    @Test
    void of_signal_128PlusN() {
        assertEquals(137, code(JobState.FAILED, null, "SIGKILL"));
        assertEquals(143, code(JobState.FAILED, null, "TERM"));
        assertEquals(139, code(JobState.FAILED, null, "11"));
        assertEquals(137, code(JobState.FAILED, 0, "sigkill"));
    }

    @Test
    void of_otherFailure_one() {
        assertEquals(1, code(JobState.FAILED, null, null));
        assertEquals(1, code(JobState.FAILED, 0, null));
        assertEquals(1, code(JobState.FAILED, 300, null));
        assertEquals(1, code(JobState.FAILED, null, "SIGNOPE"));
        assertEquals(1, code(JobState.RUNNING, null, null));
    }

    @Test
    void signalNumber_namesAndNumbers() {
        assertEquals(9, ExitCodes.signalNumber("SIGKILL"));
        assertEquals(2, ExitCodes.signalNumber(" int "));
        assertEquals(31, ExitCodes.signalNumber("SIGSYS"));
        assertEquals(0, ExitCodes.signalNumber(null));
        assertEquals(0, ExitCodes.signalNumber("SIG"));
        assertEquals(0, ExitCodes.signalNumber("99999999999"));
    }
}
