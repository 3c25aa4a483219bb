// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Reservation;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.spi.backend.ReservationBackend;

/** A {@link Reservation} whose information comes from the backend each time it is asked. */
final class GenericReservation implements Reservation {
    private final String sessionName;
    private final ReservationTemplate template;
    private final String id;
    private final ReservationBackend backend;

    GenericReservation(String sessionName, ReservationTemplate template, String id, ReservationBackend backend) {
        this.sessionName = sessionName;
        this.template = template;
        this.id = id;
        this.backend = backend;
    }

    @Override
    public String getReservationId() {
        return id;
    }

    @Override
    public String getSessionName() {
        return sessionName;
    }

    @Override
    public ReservationTemplate getReservationTemplate() {
        return template;
    }

    @Override
    public ReservationInfo getInfo() {
        ReservationInfo i = backend.info(id);
        if (i == null) throw new InvalidArgumentException("reservationId", id + " is no longer known to the scheduler");
        return i;
    }

    @Override
    public void terminate() {
        backend.cancel(id);
    }
}
