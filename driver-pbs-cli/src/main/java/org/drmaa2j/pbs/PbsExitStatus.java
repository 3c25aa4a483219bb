// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Map;
import org.drmaa2j.spi.util.Signals;

/**
 * PBS's {@code Exit_status} of a finished job: 0 to 255 is the exit status of the job script;
 * 256+N means the job was ended by signal N (PBS and Torque add 256, so {@code qdel}'s SIGTERM
 * shows as 271); a negative value is a {@code JOB_EXEC_*} code: PBS could not run or finish the
 * job (names as in the PBS server's {@code job.h}).
 *
 * @param exitStatus the exit status, or null when a signal or a JOB_EXEC code ended the job
 * @param signal the signal name such as {@code SIGTERM}, or null
 * @param annotation the JOB_EXEC name and meaning, or null
 */
record PbsExitStatus(Integer exitStatus, String signal, String annotation) {
    private static final Map<Integer, String> JOB_EXEC = Map.ofEntries(
            Map.entry(-1, "JOB_EXEC_FAIL1: job exec failed, before files, no retry"),
            Map.entry(-2, "JOB_EXEC_FAIL2: job exec failed, after files, no retry"),
            Map.entry(-3, "JOB_EXEC_RETRY: job execution failed, do retry"),
            Map.entry(-4, "JOB_EXEC_INITABT: job aborted on MOM initialization"),
            Map.entry(-5, "JOB_EXEC_INITRST: job aborted on MOM initialization, checkpoint, no migrate"),
            Map.entry(-6, "JOB_EXEC_INITRMG: job aborted on MOM initialization, checkpoint, ok migrate"),
            Map.entry(-7, "JOB_EXEC_BADRESRT: job restart failed"),
            Map.entry(-10, "JOB_EXEC_FAILUID: invalid uid/gid for job"),
            Map.entry(-11, "JOB_EXEC_RERUN: job rerun"),
            Map.entry(-12, "JOB_EXEC_CHKP: job was checkpointed and killed"),
            Map.entry(-13, "JOB_EXEC_FAIL_PASSWORD: job failed due to a bad password"),
            Map.entry(-14, "JOB_EXEC_RERUN_SIS_FAIL: job rerun after a sister MOM failed"),
            Map.entry(-15, "JOB_EXEC_QUERST: requeue job for restart from checkpoint"),
            Map.entry(-16, "JOB_EXEC_FAILHOOK_RERUN: a hook rejected the job, requeued for retry"),
            Map.entry(-17, "JOB_EXEC_FAILHOOK_DELETE: a hook rejected the job, deleted"),
            Map.entry(-18, "JOB_EXEC_HOOK_RERUN: a hook requested the job be requeued"),
            Map.entry(-19, "JOB_EXEC_HOOK_DELETE: a hook requested the job be deleted"),
            Map.entry(-20, "JOB_EXEC_RERUN_MS_FAIL: mother superior connection failed"),
            Map.entry(-21, "JOB_EXEC_FAIL_SECURITY: security breach in PBS directory"),
            Map.entry(-22, "JOB_EXEC_HOOKERROR: a hook raised an exception or timed out"),
            Map.entry(-23, "JOB_EXEC_FAIL_KRB5: no Kerberos credentials supplied"),
            Map.entry(-24, "JOB_EXEC_KILL_NCPUS_BURST: killed for exceeding ncpus (burst)"),
            Map.entry(-25, "JOB_EXEC_KILL_NCPUS_SUM: killed for exceeding ncpus (sum)"),
            Map.entry(-26, "JOB_EXEC_KILL_VMEM: killed for exceeding vmem"),
            Map.entry(-27, "JOB_EXEC_KILL_MEM: killed for exceeding mem"),
            Map.entry(-28, "JOB_EXEC_KILL_CPUT: killed for exceeding cput"),
            Map.entry(-29, "JOB_EXEC_KILL_WALLTIME: killed for exceeding walltime"),
            Map.entry(-30, "JOB_EXEC_JOINJOB: join job error"));

    /**
     * @param value the attribute's text, such as {@code 3}, {@code 271} or {@code -29}
     * @return the decoded status, or null when the text is absent or not a number
     */
    static PbsExitStatus decode(String value) {
        if (value == null || value.isBlank()) return null;
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (v < 0) return new PbsExitStatus(null, null, JOB_EXEC.getOrDefault(v, "JOB_EXEC code " + v + ": PBS could not run the job"));
        if (v > 256) return new PbsExitStatus(null, Signals.name(v - 256), null);
        return new PbsExitStatus(v, null, null);
    }

    /** @return true only for a normal exit with status 0 */
    boolean success() {
        return exitStatus != null && exitStatus == 0;
    }
}
