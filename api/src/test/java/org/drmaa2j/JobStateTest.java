// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void isTerminal_onlyDoneAndFailed() {
        for (JobState s : JobState.values()) {
            assertEquals(s == JobState.DONE || s == JobState.FAILED, s.isTerminal(), s.name());
        }
    }

    @Test
    void hasStarted_runningSuspendedAndTerminal() {
        Set<JobState> started = EnumSet.of(JobState.RUNNING, JobState.SUSPENDED, JobState.DONE, JobState.FAILED);
        for (JobState s : JobState.values()) {
            assertEquals(started.contains(s), s.hasStarted(), s.name());
        }
    }
}
