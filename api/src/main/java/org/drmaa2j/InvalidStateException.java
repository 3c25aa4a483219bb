// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The operation is not allowed in the job's current state, for example suspending a queued job or reaping a running one (DRMAA2 INVALID_STATE). */
public class InvalidStateException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public InvalidStateException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public InvalidStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
