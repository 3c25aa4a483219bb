// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.Serializable;

/** What a task left in the cache: its value or the exception it threw. */
final class Outcome implements Serializable {
    private static final long serialVersionUID = 1L;

    final Object value;
    final Throwable error;

    private Outcome(Object value, Throwable error) {
        this.value = value;
        this.error = error;
    }

    static Outcome value(Object value) {
        return new Outcome(value, null);
    }

    static Outcome error(Throwable error) {
        return new Outcome(null, error);
    }

    boolean succeeded() {
        return error == null;
    }
}
