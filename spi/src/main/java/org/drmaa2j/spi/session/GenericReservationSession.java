// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Reservation;
import org.drmaa2j.ReservationSession;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.spi.backend.ReservationBackend;

/**
 * A {@link ReservationSession} over a {@link ReservationBackend}. Reservation sessions live as long
 * as their session manager; they are not persisted.
 */
final class GenericReservationSession implements ReservationSession {
    private final String name;
    private final String contact;
    private final ReservationBackend backend;
    private final Map<String, GenericReservation> reservations = new LinkedHashMap<>();
    private volatile boolean closed;

    GenericReservationSession(String name, String contact, ReservationBackend backend) {
        this.name = name;
        this.contact = contact;
        this.backend = backend;
    }

    @Override
    public String getContact() {
        check();
        return contact;
    }

    @Override
    public String getSessionName() {
        return name;
    }

    @Override
    public synchronized Reservation getReservation(String reservationId) {
        check();
        GenericReservation r = reservations.get(reservationId);
        if (r == null) throw new InvalidArgumentException("reservationId", "session '" + name + "' has no reservation " + reservationId);
        return r;
    }

    @Override
    public Reservation requestReservation(ReservationTemplate template) {
        check();
        if (template == null) throw new InvalidArgumentException("template", "must not be null");
        String id = backend.reserve(template).reservationId();
        GenericReservation r = new GenericReservation(name, template, id, backend);
        synchronized (this) {
            reservations.put(id, r);
        }
        return r;
    }

    /** @return the reservations of this session that the scheduler still knows; ended ones are forgotten */
    @Override
    public List<Reservation> getReservations() {
        check();
        Set<String> live = new HashSet<>();
        backend.all().forEach(i -> live.add(i.reservationId()));
        synchronized (this) {
            reservations.keySet().retainAll(live);
            return new ArrayList<>(reservations.values());
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void check() {
        if (closed) throw new InvalidSessionException("reservation session '" + name + "' is closed");
    }
}
