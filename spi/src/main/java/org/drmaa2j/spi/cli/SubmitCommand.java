// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.exec.Command;

/**
 * Turns a template into the scheduler's submission command ({@code sbatch}, {@code qsub},
 * {@code bsub}, …): options as argv entries, the job script (rendered from the template with a
 * {@link org.drmaa2j.spi.script.ScriptModel}) usually on standard input. A scheduler that takes a
 * job description rather than options gets it on standard input instead (Flux's driver hands
 * {@code flux job submit} a jobspec holding the script); the command need only be one the backend
 * runs and reads ids from, and the backend overrides {@code submit}/{@code submitBulk} when its
 * scheduler answers otherwise.
 */
public interface SubmitCommand {
    /**
     * @param t the template
     * @param range the bulk job's indices, or null for a single job
     * @param tag the submission's unique tag to hand the scheduler where it can keep one (see
     *     {@link org.drmaa2j.spi.backend.SubmitRequest#tag()}), or null
     * @return the command, never retried automatically
     * @throws org.drmaa2j.InvalidArgumentException naming the field whose value the scheduler cannot take
     */
    Command build(JobTemplate t, BulkRange range, String tag);

    /**
     * Checks every value before anything is submitted; by default by building the command.
     *
     * @param t the template
     * @param bulk true when it is about to be submitted as a bulk job
     * @throws org.drmaa2j.InvalidArgumentException naming the field whose value the scheduler cannot take
     */
    default void check(JobTemplate t, boolean bulk) {
        build(t, bulk ? new BulkRange(1, 2, 1, 0) : null, null);
    }
}
