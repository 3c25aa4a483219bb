// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * A template attribute was set that the driver cannot honour (DRMAA2 UNSUPPORTED_ATTRIBUTE).
 * Thrown at submission, before anything reaches the scheduler; nothing is silently dropped.
 */
public class UnsupportedAttributeException extends Drmaa2Exception {
    private static final long serialVersionUID = 1L;
    /** The name of the attribute the driver cannot honour. */
    private final String attribute;

    /**
     * @param attribute the template attribute name, for example {@code email}
     * @param message why the driver cannot honour it
     */
    public UnsupportedAttributeException(String attribute, String message) {
        super(attribute + ": " + message);
        this.attribute = attribute;
    }

    /** @return the template attribute name the driver cannot honour */
    public String getAttribute() {
        return attribute;
    }
}
