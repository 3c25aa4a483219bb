// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.parse;

import org.drmaa2j.DrmCommunicationException;

/**
 * A scheduler command printed something its parser cannot read. The message carries the raw
 * output (its first {@value #KEPT_CHARACTERS} characters), so that whoever sees the error sees
 * what the scheduler said.
 */
public class UnreadableOutputException extends DrmCommunicationException {
    private static final long serialVersionUID = 1L;
    /** How much of the output the message keeps. */
    public static final int KEPT_CHARACTERS = 2000;

    /**
     * @param what what could not be read and why
     * @param output the raw output
     * @param cause the parser's own error, or null
     */
    public UnreadableOutputException(String what, String output, Throwable cause) {
        super(what + "; the output was: " + excerpt(output), cause);
    }

    /**
     * @param output raw output
     * @return the output, cut after {@value #KEPT_CHARACTERS} characters with a note of its length
     */
    public static String excerpt(String output) {
        if (output == null) return "(none)";
        if (output.length() <= KEPT_CHARACTERS) return output;
        return output.substring(0, KEPT_CHARACTERS) + "… (" + output.length() + " characters)";
    }
}
