// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Duration;

/**
 * One job of a {@link JobSession}. A Job object stays valid until {@link #reap()}; after that
 * every method except {@link #getJobId()} and {@link #getSessionName()} throws
 * {@link InvalidArgumentException}. Methods of a job whose session is closed throw
 * {@link InvalidSessionException}.
 */
public interface Job {
    /** @return the scheduler's id of the job; for a bulk-job task, the id of that task */
    String getJobId();

    /** @return the name of the job session the job belongs to */
    String getSessionName();

    /**
     * @return the template the job was submitted with
     * @throws InvalidArgumentException if the job was reaped
     */
    JobTemplate getJobTemplate();

    /**
     * Suspends a running job (all its processes stop).
     *
     * @throws InvalidStateException if the job is not running
     * @throws OperationUnsupportedException if {@link Capability#JOB_SUSPEND} is not supported
     * @throws DeniedByDrmsException if the scheduler refuses
     */
    void suspend();

    /**
     * Resumes a suspended job.
     *
     * @throws InvalidStateException if the job is not suspended
     * @throws OperationUnsupportedException if {@link Capability#JOB_SUSPEND} is not supported
     */
    void resume();

    /**
     * Holds a queued job, so that it does not start until released.
     *
     * @throws InvalidStateException if the job is not queued
     * @throws OperationUnsupportedException if {@link Capability#JOB_HOLD} is not supported
     */
    void hold();

    /**
     * Releases a held job.
     *
     * @throws InvalidStateException if the job is not held
     * @throws OperationUnsupportedException if {@link Capability#JOB_HOLD} is not supported
     */
    void release();

    /**
     * Ends the job, whatever its state; it becomes {@link JobState#FAILED}. Terminating a job that
     * has already ended does nothing.
     */
    void terminate();

    /**
     * Forgets a terminated job: it disappears from {@link JobSession#getJobs(JobInfo)} and from the
     * persistent session.
     *
     * @throws InvalidStateException if the job has not terminated
     */
    void reap();

    /**
     * @return the current state
     * @throws DrmCommunicationException if the scheduler cannot be reached
     */
    JobState getState();

    /** @return the scheduler's own word for the current state, or null */
    String getSubState();

    /** @return what is known about the job now */
    JobInfo getJobInfo();

    /**
     * Blocks until the job has started (or already ended). Does not reap.
     *
     * @param timeout how long to wait: {@link Timeouts#ZERO} to check once, {@link Timeouts#INFINITE} to wait forever
     * @return this job
     * @throws WaitTimeoutException if the timeout elapsed first
     * @throws InvalidSessionException if the session is closed while waiting
     */
    Job waitStarted(Duration timeout);

    /**
     * Blocks until the job has ended. Does not reap.
     *
     * @param timeout how long to wait: {@link Timeouts#ZERO} to check once, {@link Timeouts#INFINITE} to wait forever
     * @return this job
     * @throws WaitTimeoutException if the timeout elapsed first
     * @throws InvalidSessionException if the session is closed while waiting
     */
    Job waitTerminated(Duration timeout);

    /**
     * @param type a driver class or interface
     * @param <T> that type
     * @return this object as the driver's own type, for features beyond the API
     * @throws InvalidArgumentException if this object is not of that type
     */
    default <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) return type.cast(this);
        throw new InvalidArgumentException("type", getClass().getName() + " is not a " + type.getName());
    }
}
