// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.List;
import org.drmaa2j.JobInfo;

/**
 * Where a job ran, as a Grid Engine command reports it.
 *
 * @param queue the cluster queue, such as {@code all.q}
 * @param host the execution host (the master host of a parallel job)
 * @param slots the granted slots, or null when not reported
 */
record Placement(String queue, String host, Long slots) {
    /**
     * @param info a job's information
     * @return it with this placement's queue, machine and (when reported) slots
     */
    JobInfo applyTo(JobInfo info) {
        JobInfo.Builder b = info.toBuilder().queueName(queue).allocatedMachines(List.of(host));
        if (slots != null && slots > 0) b.slots(slots);
        return b.build();
    }
}
