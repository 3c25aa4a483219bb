// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.util.concurrent.ExecutionException;

/**
 * A task that failed as a cluster job: {@link #getCause()} is the exception it threw on the node
 * (null when it ended without a result, for example killed or out of memory), and the message
 * carries the job's id, how it ended, and the tail of its standard error.
 */
public final class TaskFailedException extends ExecutionException {
    private static final long serialVersionUID = 1L;

    /** The failed task's key in the executor's cache. */
    private final String taskKey;
    /** The id of the job that ran the task, or null if none did. */
    private final String jobId;
    /** The last lines of the job's standard error, or an empty string. */
    private final String stderrTail;

    /**
     * @param taskKey the task's key
     * @param jobId the job that ran it, or null if none did
     * @param message what happened
     * @param stderrTail the last lines of the job's standard error, or an empty string
     * @param cause the exception the task threw, or null
     */
    public TaskFailedException(String taskKey, String jobId, String message, String stderrTail, Throwable cause) {
        super(message + (stderrTail == null || stderrTail.isBlank() ? "" : "\n--- tail of the job's stderr ---\n" + stderrTail), cause);
        this.taskKey = taskKey;
        this.jobId = jobId;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    /** @return the task's key */
    public String getTaskKey() {
        return taskKey;
    }

    /** @return the job that ran the task, or null */
    public String getJobId() {
        return jobId;
    }

    /** @return the last lines of the job's standard error, possibly empty */
    public String getStderrTail() {
        return stderrTail;
    }
}
