// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.Map;
import org.drmaa2j.JobInfo;

/**
 * How a backend pushes news to the generic layer without waiting for the next poll: a process
 * exited, a completion marker appeared, a queued job was started. Thread-safe; may be called from
 * any thread, including from inside backend methods.
 */
public interface StateSink {
    /**
     * Publishes the latest information about a job; waiters are woken, the record is persisted and
     * callbacks see a NEW_STATE event when the state changed. Unknown job ids are ignored.
     *
     * @param info the job's information; {@link JobInfo#getJobId()} identifies the job
     */
    void publish(JobInfo info);

    /**
     * Merges backend-private values into a job's persisted record, for example the process id once
     * a queued job starts. A null value removes the key. Unknown job ids are ignored.
     *
     * @param jobId the job
     * @param values the values to merge
     */
    void updateDriverData(String jobId, Map<String, String> values);
}
