// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** No installed driver matches the request, or several do and none was chosen. The message lists the installed drivers. */
public class DriverSelectionException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DriverSelectionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public DriverSelectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
