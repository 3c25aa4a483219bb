// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.Locale;
import org.drmaa2j.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LSF's job status words mapped to DRMAA2 states: PEND PROV WAIT → QUEUED; PSUSP → QUEUED_HELD;
 * RUN → RUNNING; USUSP SSUSP → SUSPENDED; DONE → DONE; EXIT → FAILED; UNKWN ZOMBI →
 * UNDETERMINED. Unknown words become UNDETERMINED and are logged, never a crash.
 */
final class LsfStates {
    private static final Logger LOG = LoggerFactory.getLogger(LsfStates.class);

    private LsfStates() {
    }

    /**
     * @param word the STAT value, such as {@code PSUSP}
     * @return the DRMAA2 state
     */
    static JobState map(String word) {
        String w = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        switch (w) {
            case "PEND": case "PROV": case "WAIT":
                return JobState.QUEUED;
            case "PSUSP":
                return JobState.QUEUED_HELD;
            case "RUN":
                return JobState.RUNNING;
            case "USUSP": case "SSUSP":
                return JobState.SUSPENDED;
            case "DONE":
                return JobState.DONE;
            case "EXIT":
                return JobState.FAILED;
            case "UNKWN": case "ZOMBI":
                return JobState.UNDETERMINED;
            default:
                LOG.warn("unknown LSF job status '{}': reported as UNDETERMINED", word);
                return JobState.UNDETERMINED;
        }
    }
}
