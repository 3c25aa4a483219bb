// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

/** The job control operations a {@link DriverBackend} carries out. */
public enum JobAction {
    /** Stop every process of a running job. */
    SUSPEND,
    /** Continue a suspended job. */
    RESUME,
    /** Keep a queued job from starting. */
    HOLD,
    /** Let a held job start. */
    RELEASE,
    /** End the job, whatever its state. */
    TERMINATE
}
