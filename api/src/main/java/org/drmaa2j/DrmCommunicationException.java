// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The scheduler could not be reached, after the retry budget was spent (DRMAA2 DRM_COMMUNICATION). */
public class DrmCommunicationException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DrmCommunicationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public DrmCommunicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
