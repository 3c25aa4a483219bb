// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.util.List;

/**
 * The jobs of one {@link JobSession#runBulkJobs bulk submission}, controlled as a whole. Each
 * operation applies to every task; tasks in a state the operation does not apply to are skipped,
 * and {@link InvalidStateException} is thrown only when it applies to none.
 */
public interface JobArray {
    /** @return the id of the whole array */
    String getJobArrayId();

    /** @return the tasks, in index order */
    List<Job> getJobs();

    /** @return the name of the job session the array belongs to */
    String getSessionName();

    /** @return the template the array was submitted with */
    JobTemplate getJobTemplate();

    /** Suspends every running task. @see Job#suspend() */
    void suspend();

    /** Resumes every suspended task. @see Job#resume() */
    void resume();

    /** Holds every queued task. @see Job#hold() */
    void hold();

    /** Releases every held task. @see Job#release() */
    void release();

    /** Ends every task. @see Job#terminate() */
    void terminate();

    /**
     * Reaps every task.
     *
     * @throws InvalidStateException if any task has not terminated; then none is reaped
     */
    void reap();
}
