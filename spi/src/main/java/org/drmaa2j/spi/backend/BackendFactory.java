// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

/**
 * Opens a {@link DriverBackend} for one contact string. The generic session manager opens one
 * backend per distinct contact and shares it between the sessions that use that contact.
 */
@FunctionalInterface
public interface BackendFactory {
    /**
     * @param context contact, state sink, store and settings
     * @return a connected backend
     * @throws org.drmaa2j.InvalidArgumentException if the contact cannot be understood
     * @throws org.drmaa2j.DrmCommunicationException if the scheduler cannot be reached
     */
    DriverBackend open(BackendContext context);
}
