// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * Root of every exception the drmaa2j API throws. All are unchecked, one subclass per DRMAA2
 * error. Messages carry the scheduler's own words where a scheduler produced the error.
 */
public class Drmaa2Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a user can act on */
    public Drmaa2Exception(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a user can act on
     * @param cause the underlying failure
     */
    public Drmaa2Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
