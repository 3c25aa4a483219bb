// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What to reserve (DRMAA2 ReservationTemplate). A null start time means "now"
 * ({@link Capability#RT_STARTNOW}); give an end time or a duration.
 *
 * @param reservationName a name, or null
 * @param startTime start of the window, or null for now
 * @param endTime end of the window, or null when a duration is given
 * @param duration length of the window, or null when an end time is given
 * @param minSlots minimum slots
 * @param maxSlots maximum slots, or 0 for no maximum
 * @param jobCategory job category, or null
 * @param usersACL users allowed to use it; empty for the caller only
 * @param candidateMachines machines to choose from; empty for any
 * @param minPhysMemory minimum physical memory per machine in KiB, or 0
 * @param machineOS required operating system, or null
 * @param machineArch required architecture, or null
 */
public record ReservationTemplate(String reservationName, Instant startTime, Instant endTime,
                                  Duration duration, long minSlots, long maxSlots, String jobCategory,
                                  List<String> usersACL, List<String> candidateMachines,
                                  long minPhysMemory, OperatingSystem machineOS,
                                  CpuArchitecture machineArch) {
    /**
     * Validates the values.
     *
     * @param reservationName a name, or null
     * @param startTime start of the window, or null for now
     * @param endTime end of the window, or null when a duration is given
     * @param duration length of the window, or null when an end time is given
     * @param minSlots minimum slots
     * @param maxSlots maximum slots, or 0 for no maximum
     * @param jobCategory job category, or null
     * @param usersACL users allowed to use it; empty for the caller only
     * @param candidateMachines machines to choose from; empty for any
     * @param minPhysMemory minimum physical memory per machine in KiB, or 0
     * @param machineOS required operating system, or null
     * @param machineArch required architecture, or null
     * @throws InvalidArgumentException naming the field that is wrong
     */
    public ReservationTemplate {
        usersACL = usersACL == null ? List.of() : List.copyOf(usersACL);
        candidateMachines = candidateMachines == null ? List.of() : List.copyOf(candidateMachines);
        if (minSlots < 1) throw new InvalidArgumentException("minSlots", "must be at least 1 (was " + minSlots + ")");
        if (maxSlots != 0 && maxSlots < minSlots) throw new InvalidArgumentException("maxSlots", "must be 0 or not below minSlots");
        if (endTime == null && duration == null) throw new InvalidArgumentException("endTime", "give an end time or a duration");
        if (duration != null && (duration.isNegative() || duration.isZero())) throw new InvalidArgumentException("duration", "must be positive");
        if (startTime != null && endTime != null && !endTime.isAfter(startTime)) throw new InvalidArgumentException("endTime", "must be after startTime");
        if (minPhysMemory < 0) throw new InvalidArgumentException("minPhysMemory", "must not be negative");
    }

    /**
     * @param name a name, or null
     * @param duration how long, starting now
     * @param slots how many slots
     * @return a template for a reservation starting now
     */
    public static ReservationTemplate startingNow(String name, Duration duration, long slots) {
        return new ReservationTemplate(name, null, null, duration, slots, 0, null, null, null, 0, null, null);
    }
}
