// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Instant;
import java.util.List;

/**
 * What the scheduler granted for a reservation.
 *
 * @param reservationId its id
 * @param reservationName its name
 * @param reservedStartTime start of the reserved window
 * @param reservedEndTime end of the reserved window
 * @param usersACL users allowed to run jobs in it
 * @param reservedSlots total slots
 * @param reservedMachines slots per machine
 */
public record ReservationInfo(String reservationId, String reservationName, Instant reservedStartTime,
                              Instant reservedEndTime, List<String> usersACL, long reservedSlots,
                              List<SlotInfo> reservedMachines) {
    /**
     * Copies the lists.
     *
     * @param reservationId its id
     * @param reservationName its name
     * @param reservedStartTime start of the reserved window
     * @param reservedEndTime end of the reserved window
     * @param usersACL users allowed to run jobs in it
     * @param reservedSlots total slots
     * @param reservedMachines slots per machine
     */
    public ReservationInfo {
        usersACL = usersACL == null ? List.of() : List.copyOf(usersACL);
        reservedMachines = reservedMachines == null ? List.of() : List.copyOf(reservedMachines);
    }
}
