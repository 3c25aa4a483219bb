// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The kinds of event a {@link Drmaa2Callback} is told about. */
public enum Event {
    /** A job entered a new state. */
    NEW_STATE,
    /** A job moved to other machines. */
    MIGRATED,
    /** An attribute of a job changed. */
    ATTRIBUTE_CHANGE
}
