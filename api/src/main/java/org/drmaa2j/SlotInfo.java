// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * Slots on one machine, as allocated to a reservation.
 *
 * @param machineName the machine
 * @param slots how many slots on it
 */
public record SlotInfo(String machineName, long slots) {
}
