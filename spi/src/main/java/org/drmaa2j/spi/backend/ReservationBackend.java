// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.List;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.ReservationTemplate;

/** The advance-reservation part of a backend, offered through {@link DriverBackend#reservations()}. */
public interface ReservationBackend {
    /**
     * @param template what to reserve; throw {@link org.drmaa2j.UnsupportedAttributeException} for
     *        attributes that cannot be honoured
     * @return what the scheduler granted
     */
    ReservationInfo reserve(ReservationTemplate template);

    /**
     * @param reservationId a reservation id
     * @return its current information, or null when the scheduler no longer knows it
     */
    ReservationInfo info(String reservationId);

    /** @param reservationId the reservation to end */
    void cancel(String reservationId);

    /** @return every reservation the scheduler knows */
    List<ReservationInfo> all();
}
