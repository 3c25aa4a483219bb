// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The scheduler refused the request (DRMAA2 DENIED_BY_DRMS); the message carries its own words. */
public class DeniedByDrmsException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DeniedByDrmsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public DeniedByDrmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
