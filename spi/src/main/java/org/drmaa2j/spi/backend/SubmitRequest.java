// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.nio.file.Path;
import org.drmaa2j.JobTemplate;

/**
 * What the generic session hands to {@link DriverBackend#submit} and {@link DriverBackend#submitBulk}.
 *
 * @param sessionName the job session the job joins
 * @param sessionDirectory the session's private directory (0700); a backend may put completion
 *        markers, rendered scripts or logs there, see {@link org.drmaa2j.spi.store.SessionStore#markerFile}
 * @param template the template, already accepted by {@link DriverBackend#checkTemplate}
 * @param tag the submission's unique tag ({@link org.drmaa2j.spi.store.SubmissionTags}), or null;
 *        a backend that implements {@link DriverBackend#findSubmittedByTags} hands the scheduler
 *        its {@linkplain org.drmaa2j.spi.store.SubmissionTags#label label} in a field the
 *        scheduler keeps with the job
 */
public record SubmitRequest(String sessionName, Path sessionDirectory, JobTemplate template, String tag) {
    /**
     * A request without a tag.
     *
     * @param sessionName the job session the job joins
     * @param sessionDirectory the session's private directory
     * @param template the template
     */
    public SubmitRequest(String sessionName, Path sessionDirectory, JobTemplate template) {
        this(sessionName, sessionDirectory, template, null);
    }
}
