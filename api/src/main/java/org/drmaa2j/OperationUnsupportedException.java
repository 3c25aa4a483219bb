// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The driver does not implement this optional operation (DRMAA2 UNSUPPORTED_OPERATION); the matching {@link Capability} is reported false by {@link SessionManager#supports(Capability)}. */
public class OperationUnsupportedException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public OperationUnsupportedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public OperationUnsupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
