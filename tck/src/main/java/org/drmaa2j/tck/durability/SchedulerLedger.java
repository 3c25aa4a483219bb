// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.util.List;
import org.drmaa2j.JobState;

/**
 * The scheduler's own list of the campaign's jobs, asked for with the scheduler's own commands
 * ({@code sacct}, {@code qacct}, …) after every job ended, never through the driver under test.
 */
@FunctionalInterface
public interface SchedulerLedger {
    /**
     * @return one entry per job the scheduler accepted for the campaign's session (a job submitted
     *         twice appears twice)
     * @throws Exception when the scheduler cannot be asked
     */
    List<Entry> list() throws Exception;

    /**
     * One job as the scheduler knows it.
     *
     * @param jobId the scheduler's job id, or null when the witness has none (a run ledger file)
     * @param name the job's name
     * @param state its final state mapped the project's way (DONE only for exit status 0), or null
     *        when the scheduler does not tell
     * @param exitStatus its exit status, or null when the scheduler does not tell
     */
    record Entry(String jobId, String name, JobState state, Integer exitStatus) {
    }
}
