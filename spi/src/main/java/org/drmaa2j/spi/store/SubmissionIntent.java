// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.time.Instant;
import java.util.Objects;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;

/**
 * A submission the session journal recorded before the scheduler was asked: if the process dies
 * before the job id is recorded, the intent is what reconciliation looks for on reopen (see
 * {@link org.drmaa2j.spi.backend.DriverBackend#findSubmittedByTags}).
 *
 * @param tag the submission's unique tag, which the scheduler keeps with the job
 *        ({@link SubmissionTags})
 * @param recordedAt when the intent was recorded; the grace period before an intent that the
 *        scheduler does not know is dropped counts from here
 * @param template the template to be submitted
 * @param range the index range of a bulk submission, or null for a single job
 * @param submitter the process that made the submission, or null when not recorded (older journals)
 */
public record SubmissionIntent(String tag, Instant recordedAt, JobTemplate template, BulkRange range, OwnerProcess submitter) {
    /**
     * Checks the values.
     *
     * @param tag the submission's unique tag, which the scheduler keeps with the job
     *        ({@link SubmissionTags})
     * @param recordedAt when the intent was recorded; the grace period before an intent that the
     *        scheduler does not know is dropped counts from here
     * @param template the template to be submitted
     * @param range the index range of a bulk submission, or null for a single job
     * @param submitter the process that made the submission, or null when not recorded (older journals)
     */
    public SubmissionIntent {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(template, "template");
    }

    /**
     * An intent of this process.
     *
     * @param tag the tag
     * @param recordedAt when it is recorded
     * @param template the template
     * @param range the bulk range, or null
     */
    public SubmissionIntent(String tag, Instant recordedAt, JobTemplate template, BulkRange range) {
        this(tag, recordedAt, template, range, OwnerProcess.current());
    }
}
