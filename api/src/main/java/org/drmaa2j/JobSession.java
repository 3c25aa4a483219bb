// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A named set of jobs, submitted and watched together. Sessions created with a name are persistent
 * where {@link Capability#PERSISTENT_SESSIONS} is supported: {@link SessionManager#openJobSession}
 * in another process sees the same jobs. Every method of a closed session throws
 * {@link InvalidSessionException}.
 */
public interface JobSession extends AutoCloseable {
    /** @return the contact string the session was created with, as the driver normalised it */
    String getContact();

    /** @return the session's name */
    String getSessionName();

    /** @return the job categories the driver knows, usable as {@link JobTemplate#getJobCategory()} */
    Set<String> getJobCategories();

    /**
     * @param filter a {@link JobInfo#matches(JobInfo) filter}, or null for all jobs
     * @return the session's jobs (not reaped) that match
     */
    List<Job> getJobs(JobInfo filter);

    /**
     * @param jobArrayId an id returned by {@link JobArray#getJobArrayId()}
     * @return that array
     * @throws InvalidArgumentException if the session has no such array
     */
    JobArray getJobArray(String jobArrayId);

    /**
     * Submits one job. Either the job is submitted and recorded, or nothing is.
     *
     * @param template what to run
     * @return the job
     * @throws InvalidArgumentException if a template value is not acceptable (the field is named)
     * @throws UnsupportedAttributeException if the driver cannot honour a set attribute
     * @throws DeniedByDrmsException if the scheduler rejects the job; the message carries its words
     */
    Job runJob(JobTemplate template);

    /**
     * Submits one job per index {@code begin, begin+step, … ≤ end}. In each task,
     * {@link Placeholders#PARAMETRIC_INDEX} is that index.
     *
     * @param template what to run
     * @param begin first index, at least 1
     * @param end last index, not below begin
     * @param step index increment, at least 1
     * @param maxParallel most tasks running at once; 0 for no limit
     * @return the array
     * @throws InvalidArgumentException if the numbers are out of range (the parameter is named)
     * @throws OperationUnsupportedException if maxParallel is set and {@link Capability#BULK_JOBS_MAXPARALLEL} is not supported
     */
    JobArray runBulkJobs(JobTemplate template, long begin, long end, long step, long maxParallel);

    /**
     * @param jobs jobs of this session
     * @param timeout how long to wait
     * @return the first of them that has started (or ended)
     * @throws WaitTimeoutException if none started in time
     * @throws InvalidArgumentException if the list is empty or holds a job of another session
     */
    Job waitAnyStarted(List<Job> jobs, Duration timeout);

    /**
     * @param jobs jobs of this session
     * @param timeout how long to wait
     * @return the first of them that has ended
     * @throws WaitTimeoutException if none ended in time
     * @throws InvalidArgumentException if the list is empty or holds a job of another session
     */
    Job waitAnyTerminated(List<Job> jobs, Duration timeout);

    /**
     * Closes the session: waits in other threads end with {@link InvalidSessionException}; the jobs
     * keep running and a persistent session can be reopened. Closing twice does nothing.
     */
    @Override
    void close();

    /**
     * @param type a driver class or interface
     * @param <T> that type
     * @return this object as the driver's own type
     * @throws InvalidArgumentException if this object is not of that type
     */
    default <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) return type.cast(this);
        throw new InvalidArgumentException("type", getClass().getName() + " is not a " + type.getName());
    }
}
