// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * An argument is not acceptable (DRMAA2 INVALID_ARGUMENT): a bad template value, an unknown job
 * id, a reaped job. When a single field is at fault, {@link #getField()} names it and the message
 * starts with that name.
 */
public class InvalidArgumentException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;
    /** The name of the offending field, or null. */
    private final String field;

    /** @param message what is wrong with the argument */
    public InvalidArgumentException(String message) {
        super(message);
        this.field = null;
    }

    /**
     * @param field the name of the offending field, for example {@code minSlots}
     * @param message what is wrong with its value
     */
    public InvalidArgumentException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the name of the offending field, or {@code null} when the error is not about one field */
    public String getField() {
        return field;
    }
}
