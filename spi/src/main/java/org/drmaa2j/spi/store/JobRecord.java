// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;

/**
 * What the store keeps of one job, enough for another process to reopen the session: the id, the
 * session, array membership, the template, the last known information and backend-private values.
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param jobId the scheduler's id
 * @param sessionName the job session
 * @param arrayId the bulk job the job is a task of, or null
 * @param taskIndex the task index; 1 for a single job
 * @param template the template it was submitted with
 * @param info the last known information
 * @param driverData backend-private values (see {@link org.drmaa2j.spi.backend.Submitted#driverData()})
 */
public record JobRecord(String jobId, String sessionName, String arrayId, long taskIndex,
                        JobTemplate template, JobInfo info, Map<String, String> driverData) {
    /**
     * Checks and copies.
     *
     * @param jobId the scheduler's id
     * @param sessionName the job session
     * @param arrayId the bulk job the job is a task of, or null
     * @param taskIndex the task index; 1 for a single job
     * @param template the template it was submitted with
     * @param info the last known information
     * @param driverData backend-private values (see {@link org.drmaa2j.spi.backend.Submitted#driverData()})
     */
    public JobRecord {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(info, "info");
        driverData = driverData == null ? Map.of() : Map.copyOf(driverData);
    }

    /**
     * @param newInfo the latest information
     * @return a copy holding it
     */
    public JobRecord withInfo(JobInfo newInfo) {
        return new JobRecord(jobId, sessionName, arrayId, taskIndex, template, newInfo, driverData);
    }

    /**
     * @param values values to merge; a null value removes its key
     * @return a copy with the merged driver data
     */
    public JobRecord withDriverData(Map<String, String> values) {
        Map<String, String> m = new HashMap<>(driverData);
        values.forEach((k, v) -> {
            if (v == null) m.remove(k);
            else m.put(k, v);
        });
        return new JobRecord(jobId, sessionName, arrayId, taskIndex, template, info, m);
    }

    /**
     * @param key a driver data key
     * @return its value, or null
     */
    public String data(String key) {
        return driverData.get(key);
    }
}
