// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.util.Map;
import org.drmaa2j.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTCondor's {@code JobStatus} values mapped to DRMAA2 states. A value HTCondor may add later
 * becomes {@link JobState#UNDETERMINED} and is logged, never a crash.
 *
 * <table>
 *   <caption>JobStatus</caption>
 *   <tr><th>value</th><th>HTCondor</th><th>DRMAA2</th></tr>
 *   <tr><td>1</td><td>Idle</td><td>QUEUED; REQUEUED once the job has started before ({@code NumJobStarts > 0})</td></tr>
 *   <tr><td>2</td><td>Running</td><td>RUNNING</td></tr>
 *   <tr><td>3</td><td>Removed</td><td>FAILED</td></tr>
 *   <tr><td>4</td><td>Completed</td><td>DONE for a normal exit with code 0, else FAILED</td></tr>
 *   <tr><td>5</td><td>Held</td><td>QUEUED_HELD; REQUEUED_HELD once the job has started before</td></tr>
 *   <tr><td>6</td><td>Transferring Output</td><td>RUNNING</td></tr>
 *   <tr><td>7</td><td>Suspended</td><td>SUSPENDED</td></tr>
 * </table>
 */
final class CondorStates {
    private static final Logger LOG = LoggerFactory.getLogger(CondorStates.class);

    /** HTCondor's names of its JobStatus values, as its documentation and condor_q's totals line give them. */
    static final Map<Integer, String> NAMES = Map.of(1, "Idle", 2, "Running", 3, "Removed", 4, "Completed", 5, "Held",
            6, "Transferring Output", 7, "Suspended");
    /** Hold reason codes of holds a user asked for: condor_hold (1) and {@code hold = true} at submission (15). */
    static final int HOLD_BY_USER = 1;
    static final int HOLD_SUBMITTED = 15;
    /** The hold reason code of a job that ran longer than its {@code allowed_execute_duration}. */
    static final int HOLD_EXECUTE_DURATION_EXCEEDED = 47;

    private CondorStates() {
    }

    /**
     * @param status JobStatus, or null when absent
     * @return HTCondor's name for it, or the number itself when it has none, or empty when absent
     */
    static String name(Integer status) {
        if (status == null) return "";
        return NAMES.getOrDefault(status, String.valueOf(status));
    }

    /**
     * @param status JobStatus, or null when absent
     * @param everStarted true when the job has run before ({@code NumJobStarts > 0})
     * @param exitBySignal ExitBySignal of an ended job, may be null
     * @param exitCode ExitCode of an ended job, may be null
     * @return the DRMAA2 state
     */
    static JobState map(Integer status, boolean everStarted, Boolean exitBySignal, Integer exitCode) {
        if (status == null) {
            LOG.warn("an HTCondor job ad without JobStatus: reported as UNDETERMINED");
            return JobState.UNDETERMINED;
        }
        switch (status) {
            case 1:
                return everStarted ? JobState.REQUEUED : JobState.QUEUED;
            case 2: case 6:
                return JobState.RUNNING;
            case 3:
                return JobState.FAILED;
            case 4:
                return !Boolean.TRUE.equals(exitBySignal) && Integer.valueOf(0).equals(exitCode) ? JobState.DONE : JobState.FAILED;
            case 5:
                return everStarted ? JobState.REQUEUED_HELD : JobState.QUEUED_HELD;
            case 7:
                return JobState.SUSPENDED;
            default:
                LOG.warn("unknown HTCondor JobStatus {}: reported as UNDETERMINED", status);
                return JobState.UNDETERMINED;
        }
    }

    /**
     * @param holdReasonCode HoldReasonCode of a held job, may be null
     * @return true when a user put the job on hold (condor_hold, or held at submission)
     */
    static boolean heldByUser(Integer holdReasonCode) {
        return holdReasonCode != null && (holdReasonCode == HOLD_BY_USER || holdReasonCode == HOLD_SUBMITTED);
    }
}
