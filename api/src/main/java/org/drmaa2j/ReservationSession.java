// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.util.List;

/**
 * Advance reservations made through one named session. Only available where
 * {@link Capability#ADVANCE_RESERVATION} is supported.
 */
public interface ReservationSession extends AutoCloseable {
    /** @return the contact string */
    String getContact();

    /** @return the session's name */
    String getSessionName();

    /**
     * @param reservationId a reservation id
     * @return that reservation
     * @throws InvalidArgumentException if there is none with that id in this session
     */
    Reservation getReservation(String reservationId);

    /**
     * @param template what to reserve
     * @return the reservation
     * @throws DeniedByDrmsException if the scheduler refuses it, for example for lack of permission
     * @throws UnsupportedAttributeException if a template attribute cannot be honoured
     */
    Reservation requestReservation(ReservationTemplate template);

    /** @return the reservations of this session */
    List<Reservation> getReservations();

    /** Closes the session. Closing twice does nothing. */
    @Override
    void close();
}
