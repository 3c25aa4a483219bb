// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Locale;
import org.drmaa2j.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PBS's one-letter {@code job_state} mapped to DRMAA2: Q T M W → QUEUED; H → QUEUED_HELD;
 * R B E → RUNNING; S U → SUSPENDED; F X C → DONE when the exit status is 0, else FAILED. Unknown
 * letters are UNDETERMINED and logged, never a crash.
 */
final class PbsStates {
    private static final Logger LOG = LoggerFactory.getLogger(PbsStates.class);

    private PbsStates() {
    }

    /**
     * @param letter the state letter
     * @param exit the decoded exit status of a finished job, or null when unknown
     * @return the DRMAA2 state
     */
    static JobState map(String letter, PbsExitStatus exit) {
        String l = letter == null ? "" : letter.trim().toUpperCase(Locale.ROOT);
        return switch (l) {
            case "Q", "T", "M", "W" -> JobState.QUEUED;
            case "H" -> JobState.QUEUED_HELD;
            case "R", "B", "E" -> JobState.RUNNING;
            case "S", "U" -> JobState.SUSPENDED;
            case "F", "X", "C" -> exit != null && exit.success() ? JobState.DONE : JobState.FAILED;
            default -> {
                LOG.warn("unknown PBS job state '{}': reported as UNDETERMINED", letter);
                yield JobState.UNDETERMINED;
            }
        };
    }
}
