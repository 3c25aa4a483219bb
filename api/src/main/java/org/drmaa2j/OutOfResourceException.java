// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The driver ran out of a local resource such as file handles or threads (DRMAA2 OUT_OF_RESOURCE). */
public class OutOfResourceException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public OutOfResourceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public OutOfResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
