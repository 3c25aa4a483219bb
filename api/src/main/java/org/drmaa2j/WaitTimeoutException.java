// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** A wait ended because its timeout elapsed before the awaited condition held (DRMAA2 TIMEOUT). */
public class WaitTimeoutException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public WaitTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public WaitTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
