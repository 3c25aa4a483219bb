// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * Receives job events registered with {@link SessionManager#registerEventNotification(Drmaa2Callback)}.
 * Called from a driver thread: implementations must return quickly and must not block.
 */
@FunctionalInterface
public interface Drmaa2Callback {
    /** @param notification the event */
    void onNotification(Notification notification);
}
