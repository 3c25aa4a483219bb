// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.util.List;

/**
 * The sections an {@link Assertion} names: the parts of the DRMAA2 specification (OGF GFD.194, revised
 * as GFD.231), each by the interface or structure it defines, and {@value #DRMAA2J} for the rules this
 * project adds where DRMAA2 leaves the choice to the implementation (what DONE and FAILED mean for exit
 * codes, reaping, hostile input, concurrency, crash safety, the bootstrap class).
 */
public final class SpecSections {
    /** The session manager: sessions, capabilities, event notification. */
    public static final String SESSION_MANAGER = "SessionManager";
    /** The job session: submission, listing, waits. */
    public static final String JOB_SESSION = "JobSession";
    /** The job: control and waits. */
    public static final String JOB = "Job";
    /** The job array of a bulk submission. */
    public static final String JOB_ARRAY = "JobArray";
    /** The job template and its placeholders. */
    public static final String JOB_TEMPLATE = "JobTemplate";
    /** The job information of a job. */
    public static final String JOB_INFO = "JobInfo";
    /** The job states and their transitions. */
    public static final String JOB_STATE = "JobState";
    /** The monitoring session. */
    public static final String MONITORING_SESSION = "MonitoringSession";
    /** The reservation session. */
    public static final String RESERVATION_SESSION = "ReservationSession";
    /** The reservation. */
    public static final String RESERVATION = "Reservation";
    /** The reservation template. */
    public static final String RESERVATION_TEMPLATE = "ReservationTemplate";
    /** A rule of this project, beyond DRMAA2. */
    public static final String DRMAA2J = "drmaa2j";

    /** Every section an assertion may name. */
    public static final List<String> ALL = List.of(SESSION_MANAGER, JOB_SESSION, JOB, JOB_ARRAY, JOB_TEMPLATE, JOB_INFO,
            JOB_STATE, MONITORING_SESSION, RESERVATION_SESSION, RESERVATION, RESERVATION_TEMPLATE, DRMAA2J);

    private SpecSections() {
    }
}
