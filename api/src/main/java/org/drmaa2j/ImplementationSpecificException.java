// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** A driver-specific failure that fits no other DRMAA2 error (DRMAA2 IMPLEMENTATION_SPECIFIC). */
public class ImplementationSpecificException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ImplementationSpecificException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ImplementationSpecificException(String message, Throwable cause) {
        super(message, cause);
    }
}
