// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** An unexpected failure inside the driver (DRMAA2 INTERNAL). */
public class InternalException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public InternalException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }
}
