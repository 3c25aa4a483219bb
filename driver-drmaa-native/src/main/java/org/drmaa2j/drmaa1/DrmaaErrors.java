// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.InternalException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.TryLaterException;

/**
 * DRMAA 1.0 error codes to drmaa2j exceptions. The message always carries the library's own
 * words: the function, the code's name and number, {@code drmaa_strerror} and the diagnosis text.
 */
final class DrmaaErrors {
    private DrmaaErrors() {
    }

    /**
     * @param errno the code a function returned
     * @param function the function's name
     * @param strerror the library's text for the code, may be null
     * @param diagnosis the function's error diagnosis, may be empty
     * @param field the template or API field the call was about, or null
     * @return the exception to throw
     */
    static Drmaa2Exception toException(int errno, String function, String strerror, String diagnosis, String field) {
        String msg = message(errno, function, strerror, diagnosis);
        switch (errno) {
            case ERRNO_DRM_COMMUNICATION_FAILURE:
            case ERRNO_DRMS_INIT_FAILED:
            case ERRNO_DRMS_EXIT_ERROR:
                return new DrmCommunicationException(msg);
            case ERRNO_AUTH_FAILURE:
            case ERRNO_DENIED_BY_DRM:
                return new DeniedByDrmsException(msg);
            case ERRNO_INVALID_ARGUMENT:
            case ERRNO_INVALID_ATTRIBUTE_FORMAT:
            case ERRNO_INVALID_ATTRIBUTE_VALUE:
            case ERRNO_CONFLICTING_ATTRIBUTE_VALUES:
                return field == null ? new InvalidArgumentException(msg) : new InvalidArgumentException(field, msg);
            case ERRNO_INVALID_CONTACT_STRING:
            case ERRNO_DEFAULT_CONTACT_STRING_ERROR:
            case ERRNO_NO_DEFAULT_CONTACT_STRING_SELECTED:
                return new InvalidArgumentException("contact", msg);
            case ERRNO_INVALID_JOB:
                return new InvalidArgumentException("jobId", msg);
            case ERRNO_NO_ACTIVE_SESSION:
                return new InvalidSessionException(msg);
            case ERRNO_ALREADY_ACTIVE_SESSION:
                return new SessionManagementException(msg);
            case ERRNO_TRY_LATER:
                return new TryLaterException(msg);
            case ERRNO_RESUME_INCONSISTENT_STATE:
            case ERRNO_SUSPEND_INCONSISTENT_STATE:
            case ERRNO_HOLD_INCONSISTENT_STATE:
            case ERRNO_RELEASE_INCONSISTENT_STATE:
                return new InvalidStateException(msg);
            case ERRNO_EXIT_TIMEOUT:
                return new WaitTimeoutException(msg);
            default:
                return new InternalException(msg);
        }
    }

    /**
     * @return {@code drmaa_run_job: DENIED_BY_DRM (17, <strerror>): <diagnosis>}
     */
    static String message(int errno, String function, String strerror, String diagnosis) {
        StringBuilder sb = new StringBuilder(function).append(": ").append(errnoName(errno)).append(" (").append(errno);
        if (strerror != null && !strerror.isBlank()) sb.append(", ").append(strerror.strip());
        sb.append(')');
        if (diagnosis != null && !diagnosis.isBlank()) sb.append(": ").append(diagnosis.strip());
        return sb.toString();
    }
}
