// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The session was closed or destroyed, or belongs to another session manager (DRMAA2 INVALID_SESSION). */
public class InvalidSessionException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public InvalidSessionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public InvalidSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
