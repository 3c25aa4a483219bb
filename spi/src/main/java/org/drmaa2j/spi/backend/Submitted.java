// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.Map;
import java.util.Objects;
import org.drmaa2j.JobInfo;

/**
 * One job the scheduler accepted.
 *
 * @param jobId the scheduler's id; for a bulk task, the id of that task
 * @param info what is known right after submission (at least the state, usually QUEUED or QUEUED_HELD)
 * @param driverData backend-private values to persist with the job (process ids, native ids, …);
 *        they come back in {@link org.drmaa2j.spi.store.JobRecord#driverData()}
 */
public record Submitted(String jobId, JobInfo info, Map<String, String> driverData) {
    /**
     * Checks the id and info, copies the map.
     *
     * @param jobId the scheduler's id; for a bulk task, the id of that task
     * @param info what is known right after submission (at least the state, usually QUEUED or QUEUED_HELD)
     * @param driverData backend-private values to persist with the job (process ids, native ids, …);
     *        they come back in {@link org.drmaa2j.spi.store.JobRecord#driverData()}
     */
    public Submitted {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(info, "info");
        driverData = driverData == null ? Map.of() : Map.copyOf(driverData);
    }
}
