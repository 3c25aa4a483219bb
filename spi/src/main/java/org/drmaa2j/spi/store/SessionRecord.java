// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.time.Instant;

/**
 * What the store keeps of a job session itself.
 *
 * @param name the session name
 * @param contact the contact string it was created with, or null for the default
 * @param created when it was created
 */
public record SessionRecord(String name, String contact, Instant created) {
}
