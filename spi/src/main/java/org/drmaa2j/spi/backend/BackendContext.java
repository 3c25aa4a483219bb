// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * What the generic layer gives a backend when it opens a connection.
 *
 * @param contact the contact string the user passed, or null for the default
 * @param sink where the backend pushes state changes
 * @param store the driver's session store, for session directories and marker files
 * @param settings the driver properties
 */
public record BackendContext(String contact, StateSink sink, SessionStore store, DriverSettings settings) {
}
