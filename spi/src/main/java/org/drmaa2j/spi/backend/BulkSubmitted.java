// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.List;
import java.util.Objects;

/**
 * The result of a bulk submission.
 *
 * @param arrayId the id of the whole array
 * @param tasks one entry per index, in index order
 */
public record BulkSubmitted(String arrayId, List<Submitted> tasks) {
    /**
     * Checks and copies.
     *
     * @param arrayId the id of the whole array
     * @param tasks one entry per index, in index order
     */
    public BulkSubmitted {
        Objects.requireNonNull(arrayId, "arrayId");
        tasks = List.copyOf(tasks);
    }
}
