// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.Locale;
import java.util.Map;
import org.drmaa2j.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slurm's job state words (long, as in {@code %T} and sacct, and compact, as in {@code %t}) mapped
 * to DRMAA2 states. Unknown words become {@link JobState#UNDETERMINED} and are logged, never a crash.
 */
final class SlurmStates {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmStates.class);

    static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("PD", "PENDING"), Map.entry("R", "RUNNING"), Map.entry("CG", "COMPLETING"),
            Map.entry("CD", "COMPLETED"), Map.entry("CF", "CONFIGURING"), Map.entry("CA", "CANCELLED"),
            Map.entry("F", "FAILED"), Map.entry("TO", "TIMEOUT"), Map.entry("NF", "NODE_FAIL"),
            Map.entry("BF", "BOOT_FAIL"), Map.entry("DL", "DEADLINE"), Map.entry("OOM", "OUT_OF_MEMORY"),
            Map.entry("PR", "PREEMPTED"), Map.entry("S", "SUSPENDED"), Map.entry("ST", "STOPPED"),
            Map.entry("RQ", "REQUEUED"), Map.entry("RF", "REQUEUE_FED"), Map.entry("RH", "REQUEUE_HOLD"),
            Map.entry("SE", "SPECIAL_EXIT"), Map.entry("RS", "RESIZING"), Map.entry("SI", "SIGNALING"),
            Map.entry("SO", "STAGE_OUT"), Map.entry("RD", "RESV_DEL_HOLD"), Map.entry("RV", "REVOKED"));

    private SlurmStates() {
    }

    /**
     * @param word a state as squeue or sacct prints it, e.g. {@code PENDING}, {@code PD},
     *     {@code CANCELLED by 1000}, {@code COMPLETED+}
     * @return the long state word without decorations, upper case
     */
    static String normalise(String word) {
        if (word == null) return "";
        String w = word.trim().toUpperCase(Locale.ROOT);
        int space = w.indexOf(' ');
        if (space > 0) w = w.substring(0, space);
        if (w.endsWith("+")) w = w.substring(0, w.length() - 1);
        return COMPACT.getOrDefault(w, w);
    }

    /**
     * @param word the state word
     * @param reason squeue's reason ({@code %r}), used to tell held from queued; may be null
     * @param exitCode the exit code for a finished job, may be null
     * @param signal the terminating signal number for a finished job, may be null
     * @return the DRMAA2 state
     */
    static JobState map(String word, String reason, Integer exitCode, Integer signal) {
        String w = normalise(word);
        switch (w) {
            case "PENDING":
                return isHeld(reason) ? JobState.QUEUED_HELD : JobState.QUEUED;
            case "CONFIGURING": case "RUNNING": case "COMPLETING": case "RESIZING": case "SIGNALING": case "STAGE_OUT":
                return JobState.RUNNING;
            case "SUSPENDED": case "STOPPED":
                return JobState.SUSPENDED;
            case "REQUEUED": case "REQUEUE_FED":
                return JobState.REQUEUED;
            case "REQUEUE_HOLD": case "SPECIAL_EXIT":
                return JobState.REQUEUED_HELD;
            case "RESV_DEL_HOLD":
                return JobState.QUEUED_HELD;
            case "COMPLETED":
                return (exitCode == null || exitCode == 0) && (signal == null || signal == 0) ? JobState.DONE : JobState.FAILED;
            case "FAILED": case "CANCELLED": case "TIMEOUT": case "NODE_FAIL": case "BOOT_FAIL": case "DEADLINE":
            case "OUT_OF_MEMORY": case "PREEMPTED": case "REVOKED":
                return JobState.FAILED;
            default:
                LOG.warn("unknown Slurm job state '{}': reported as UNDETERMINED", word);
                return JobState.UNDETERMINED;
        }
    }

    /**
     * @param reason squeue's reason for a pending job
     * @return true when the job is held by a user or an administrator
     */
    static boolean isHeld(String reason) {
        if (reason == null) return false;
        String r = reason.trim();
        if (r.startsWith("(") && r.endsWith(")")) r = r.substring(1, r.length() - 1);
        return r.equals("JobHeldUser") || r.equals("JobHeldAdmin");
    }
}
