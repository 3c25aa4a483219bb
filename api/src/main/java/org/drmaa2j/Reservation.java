// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** One advance reservation. */
public interface Reservation {
    /** @return the scheduler's id for it, usable as {@link JobTemplate#getReservationId()} */
    String getReservationId();

    /** @return the name of the reservation session it was made in */
    String getSessionName();

    /** @return the template it was requested with */
    ReservationTemplate getReservationTemplate();

    /** @return what the scheduler granted */
    ReservationInfo getInfo();

    /** Ends the reservation. */
    void terminate();
}
