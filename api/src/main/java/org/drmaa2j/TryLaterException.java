// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The scheduler is temporarily unable to serve the request; the same call may succeed later (DRMAA2 TRY_LATER). */
public class TryLaterException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public TryLaterException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
