// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * Optional features a driver may offer. {@link SessionManager#supports(Capability)} tells the
 * truth about each; an operation or template attribute whose capability is false raises
 * {@link OperationUnsupportedException} or {@link UnsupportedAttributeException}.
 * The first thirteen constants are DRMAA2's own; the rest are drmaa2j's finer-grained additions.
 */
public enum Capability {
    /** Reservation sessions and advance reservations. */
    ADVANCE_RESERVATION,
    /** Reservations of slots rather than whole machines. */
    RESERVE_SLOTS,
    /** {@link SessionManager#registerEventNotification(Drmaa2Callback)}. */
    CALLBACK,
    /** The {@code maxParallel} argument of {@link JobSession#runBulkJobs}. */
    BULK_JOBS_MAXPARALLEL,
    /** The {@code email}, {@code emailOnStarted} and {@code emailOnTerminated} template attributes. */
    JT_EMAIL,
    /** The {@code stageInFiles} and {@code stageOutFiles} template attributes. */
    JT_STAGING,
    /** The {@code deadlineTime} template attribute. */
    JT_DEADLINE,
    /** The {@code maxSlots} template attribute. */
    JT_MAXSLOTS,
    /** The {@code accountingId} template attribute. */
    JT_ACCOUNTINGID,
    /** Reservation templates without a start time, meaning "now". */
    RT_STARTNOW,
    /** The {@code duration} reservation template attribute. */
    RT_DURATION,
    /** The {@code machineOS} reservation template attribute. */
    RT_MACHINEOS,
    /** The {@code machineArch} reservation template attribute. */
    RT_MACHINEARCH,

    /** {@link Job#suspend()} and {@link Job#resume()} on running jobs. */
    JOB_SUSPEND,
    /** {@link Job#hold()} and {@link Job#release()} on queued jobs. */
    JOB_HOLD,
    /** The {@code submitAsHold} template attribute. */
    JT_SUBMIT_AS_HOLD,
    /** {@link SessionManager#openMonitoringSession(String)}. */
    MONITORING,
    /** Named job sessions that outlive the process and can be reopened. */
    PERSISTENT_SESSIONS,
    /** The {@code startTime} template attribute. */
    JT_START_TIME,
    /** The {@code priority} template attribute. */
    JT_PRIORITY,
    /** The {@code candidateMachines} template attribute. */
    JT_CANDIDATE_MACHINES,
    /** The {@code minPhysMemory} template attribute. */
    JT_MIN_PHYS_MEMORY,
    /** The {@code machineOS} template attribute. */
    JT_MACHINE_OS,
    /** The {@code machineArch} template attribute. */
    JT_MACHINE_ARCH,
    /** The {@code reservationId} template attribute. */
    JT_RESERVATION,
    /** The {@code resourceLimits} template attribute, including {@link ResourceLimit#WALLCLOCK_TIME}. */
    JT_RESOURCE_LIMITS,
    /** The {@code rerunnable} template attribute. */
    JT_RERUNNABLE,
    /** The {@code jobCategory} template attribute. */
    JT_JOB_CATEGORY,
    /** The {@code queueName} template attribute. */
    JT_QUEUE,
    /** The {@code inputPath} template attribute (stdin from a file). */
    JT_INPUT_PATH
}
