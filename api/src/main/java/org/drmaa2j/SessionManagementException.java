// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** A session could not be created, opened, closed or destroyed, for example a duplicate or unknown session name (DRMAA2 SESSION_MANAGEMENT). */
public class SessionManagementException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public SessionManagementException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public SessionManagementException(String message, Throwable cause) {
        super(message, cause);
    }
}
