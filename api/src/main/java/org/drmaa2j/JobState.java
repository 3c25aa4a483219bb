// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * The DRMAA2 job states. {@link #DONE} means the job exited normally with status 0; every other
 * end (non-zero exit, signal, cancel, time limit, node failure, out of memory) is {@link #FAILED},
 * with {@link JobInfo#getExitStatus()} and {@link JobInfo#getTerminatingSignal()} saying which.
 */
public enum JobState {
    /** The state cannot be determined, for example the scheduler reported a word the driver does not know. */
    UNDETERMINED,
    /** Waiting to be scheduled. */
    QUEUED,
    /** Waiting, and held: it will not start until released. */
    QUEUED_HELD,
    /** Running. */
    RUNNING,
    /** Started and then suspended. */
    SUSPENDED,
    /** Put back into the queue after it started. */
    REQUEUED,
    /** Put back into the queue after it started, and held. */
    REQUEUED_HELD,
    /** Ended normally with exit status 0. */
    DONE,
    /** Ended in any other way. */
    FAILED;

    /** @return true for {@link #DONE} and {@link #FAILED}, the states a job never leaves */
    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }

    /** @return true once the job has started, whether or not it is still running */
    public boolean hasStarted() {
        return this == RUNNING || this == SUSPENDED || isTerminal();
    }
}
