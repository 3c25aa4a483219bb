// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.util.Signals;

/** The process exit code that mirrors a job's end, as a shell reports it. */
final class ExitCodes {
    private ExitCodes() {
    }

    /**
     * @param info what is known about an ended job
     * @return 0 for DONE; the exit status of a job that exited non-zero; 128+N for a job ended by
     *         signal N; 1 for any other failure or a job that has not ended
     */
    static int of(JobInfo info) {
        if (info.getJobState() == JobState.DONE) return 0;
        Integer status = info.getExitStatus();
        if (status != null && status > 0 && status < 256) return status;
        int signal = signalNumber(info.getTerminatingSignal());
        if (signal > 0) return 128 + signal;
        return 1;
    }

    /**
     * @param signal a signal as {@code SIGKILL}, {@code KILL} or {@code 9}; may be null
     * @return its number, or 0 when unknown
     */
    static int signalNumber(String signal) {
        if (signal == null || signal.isBlank()) return 0;
        try {
            int n = Signals.number(signal);
            return n > 0 && n < 128 ? n : 0;
        } catch (IllegalArgumentException unknown) {
            return 0;
        }
    }
}
