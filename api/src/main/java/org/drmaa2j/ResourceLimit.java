// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * Keys of {@link JobTemplate#getResourceLimits()}. Times are in seconds, sizes in kibibytes,
 * {@link #OPEN_FILES} is a count.
 */
public enum ResourceLimit {
    /** Largest core file, KiB. */ CORE_FILE_SIZE,
    /** CPU time, seconds. */ CPU_TIME,
    /** Data segment size, KiB. */ DATA_SIZE,
    /** Largest file the job may write, KiB. */ FILE_SIZE,
    /** Open file descriptors. */ OPEN_FILES,
    /** Stack size, KiB. */ STACK_SIZE,
    /** Virtual memory, KiB. */ VIRTUAL_MEMORY,
    /** Wall-clock run time, seconds. */ WALLCLOCK_TIME
}
