// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.spi.util.Signals;

/** Sends signals with the C library's {@code kill(2)} through JNA: no process is forked for it. */
final class ProcessSignals {
    private static final int ESRCH = 3;

    /** The one libc function used. */
    interface LibC extends Library {
        int kill(int pid, int sig) throws LastErrorException;
    }

    private static final LibC C = Native.load("c", LibC.class);

    private ProcessSignals() {
    }

    /**
     * @param pgid a process group id
     * @param signal the signal number
     * @return false when no process of the group exists any more
     */
    static boolean signalGroup(long pgid, int signal) {
        return kill(-pgid, signal);
    }

    /**
     * @param pid a process id
     * @param signal the signal number
     * @return false when the process no longer exists
     */
    static boolean signalProcess(long pid, int signal) {
        return kill(pid, signal);
    }

    private static boolean kill(long pid, int signal) {
        try {
            C.kill((int) pid, signal);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ESRCH) return false;
            throw new DeniedByDrmsException("kill(" + pid + ", " + Signals.name(signal) + ") failed: errno " + e.getErrorCode());
        }
    }
}
