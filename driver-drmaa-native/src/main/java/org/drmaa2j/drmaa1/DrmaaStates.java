// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import org.drmaa2j.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drmaa_job_ps} states mapped to DRMAA2 states: QUEUED_ACTIVE → QUEUED; the three ON_HOLD
 * states → QUEUED_HELD; RUNNING → RUNNING; the three SUSPENDED states → SUSPENDED; DONE → DONE and
 * FAILED → FAILED (refined by the exit status once {@code drmaa_wait} reaps the job);
 * UNDETERMINED and unknown values → UNDETERMINED, logged.
 */
final class DrmaaStates {
    private static final Logger LOG = LoggerFactory.getLogger(DrmaaStates.class);

    private DrmaaStates() {
    }

    static JobState map(int ps) {
        switch (ps) {
            case PS_QUEUED_ACTIVE:
                return JobState.QUEUED;
            case PS_SYSTEM_ON_HOLD: case PS_USER_ON_HOLD: case PS_USER_SYSTEM_ON_HOLD:
                return JobState.QUEUED_HELD;
            case PS_RUNNING:
                return JobState.RUNNING;
            case PS_SYSTEM_SUSPENDED: case PS_USER_SUSPENDED: case PS_USER_SYSTEM_SUSPENDED:
                return JobState.SUSPENDED;
            case PS_DONE:
                return JobState.DONE;
            case PS_FAILED:
                return JobState.FAILED;
            case PS_UNDETERMINED:
                return JobState.UNDETERMINED;
            default:
                LOG.warn("unknown drmaa_job_ps state 0x{}: reported as UNDETERMINED", Integer.toHexString(ps));
                return JobState.UNDETERMINED;
        }
    }

    /** @return the state's name as in {@code drmaa.h} without {@code DRMAA_PS_}, the DRMAA2 sub-state */
    static String name(int ps) {
        switch (ps) {
            case PS_UNDETERMINED: return "UNDETERMINED";
            case PS_QUEUED_ACTIVE: return "QUEUED_ACTIVE";
            case PS_SYSTEM_ON_HOLD: return "SYSTEM_ON_HOLD";
            case PS_USER_ON_HOLD: return "USER_ON_HOLD";
            case PS_USER_SYSTEM_ON_HOLD: return "USER_SYSTEM_ON_HOLD";
            case PS_RUNNING: return "RUNNING";
            case PS_SYSTEM_SUSPENDED: return "SYSTEM_SUSPENDED";
            case PS_USER_SUSPENDED: return "USER_SUSPENDED";
            case PS_USER_SYSTEM_SUSPENDED: return "USER_SYSTEM_SUSPENDED";
            case PS_DONE: return "DONE";
            case PS_FAILED: return "FAILED";
            default: return "0x" + Integer.toHexString(ps);
        }
    }
}
