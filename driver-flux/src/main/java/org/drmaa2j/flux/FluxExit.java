// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import org.drmaa2j.spi.store.CompletionMarker;

/**
 * How an inactive Flux job ended, from its wait status (the largest job shell status, as
 * {@code waitpid} reports it) or, without one, its {@code returncode}. The job shell exits with
 * 128+N when a task died of signal N; when the job also had a fatal exception (cancel, time
 * limit) such a code is reported as that signal, since Flux killed the tasks.
 *
 * @param exitStatus the exit status, or null when a signal ended the job or it never ran
 * @param signal the signal number, or null
 */
record FluxExit(Integer exitStatus, Integer signal) {
    /** Canceled before it started: Flux's special return code. */
    static final int CANCELED_BEFORE_START = -128;
    static final FluxExit NONE = new FluxExit(null, null);

    /**
     * @param waitStatus the wait status, or null
     * @param returnCode the return code, or null
     * @param fatalException true when a fatal exception (severity 0) was raised on the job
     * @return the exit
     */
    /**
     * The job script's record of a signal as a completion marker: Flux reports a task killed by
     * signal N as exit status 128+N (its job shell does, whether or not a shell ran the command),
     * and {@link CompletionMarker#overrule} is the kit's one rule for that.
     *
     * @param signal the signal the script saw
     * @return the marker
     */
    static CompletionMarker marker(int signal) {
        return new CompletionMarker(null, signal, null, null, null);
    }

    static FluxExit of(Integer waitStatus, Integer returnCode, boolean fatalException) {
        Integer exit = null;
        Integer signal = null;
        if (waitStatus != null) {
            int termsig = waitStatus & 0x7f;
            if (termsig == 0) exit = (waitStatus >> 8) & 0xff;
            else signal = termsig;
        } else if (returnCode != null) {
            if (returnCode >= 0) exit = returnCode;
            else if (returnCode != CANCELED_BEFORE_START) signal = -returnCode;
        }
        if (exit != null && fatalException && exit > 128 && exit < 128 + 65) {
            signal = exit - 128;
            exit = null;
        }
        return new FluxExit(exit, signal);
    }
}
