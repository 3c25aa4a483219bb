// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import org.drmaa2j.DrmCommunicationException;

/**
 * The program could not be started at all, for example it is not installed where commands run.
 * Never retried: trying again cannot help.
 */
public final class CommandNotFoundException extends DrmCommunicationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be started, and why
     * @param cause the underlying failure
     */
    public CommandNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
