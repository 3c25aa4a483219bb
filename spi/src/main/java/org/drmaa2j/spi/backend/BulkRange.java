// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The index range of a bulk submission, already validated by the generic session.
 *
 * @param begin first index, at least 1
 * @param end last index, not below begin
 * @param step increment, at least 1
 * @param maxParallel most tasks running at once, 0 for no limit
 */
public record BulkRange(long begin, long end, long step, long maxParallel) {
    /** @return every index, in order */
    public List<Long> indices() {
        List<Long> list = new ArrayList<>();
        for (long i = begin; i <= end; i += step) {
            list.add(i);
            if (i > Long.MAX_VALUE - step) break;
        }
        return list;
    }
}
