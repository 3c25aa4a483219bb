// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.InternalException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.JobState;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.TryLaterException;
import org.junit.jupiter.api.Test;

class DrmaaStatesAndErrorsTest {
    @Test
    void jobPs_mapsAsDesigned() {
        assertEquals(JobState.QUEUED, DrmaaStates.map(PS_QUEUED_ACTIVE));
        assertEquals(JobState.QUEUED_HELD, DrmaaStates.map(PS_SYSTEM_ON_HOLD));
        assertEquals(JobState.QUEUED_HELD, DrmaaStates.map(PS_USER_ON_HOLD));
        assertEquals(JobState.QUEUED_HELD, DrmaaStates.map(PS_USER_SYSTEM_ON_HOLD));
        assertEquals(JobState.RUNNING, DrmaaStates.map(PS_RUNNING));
        assertEquals(JobState.SUSPENDED, DrmaaStates.map(PS_SYSTEM_SUSPENDED));
        assertEquals(JobState.SUSPENDED, DrmaaStates.map(PS_USER_SUSPENDED));
        assertEquals(JobState.SUSPENDED, DrmaaStates.map(PS_USER_SYSTEM_SUSPENDED));
        assertEquals(JobState.DONE, DrmaaStates.map(PS_DONE));
        assertEquals(JobState.FAILED, DrmaaStates.map(PS_FAILED));
        assertEquals(JobState.UNDETERMINED, DrmaaStates.map(PS_UNDETERMINED));
        assertEquals(JobState.UNDETERMINED, DrmaaStates.map(0x77));
        assertEquals("USER_SYSTEM_ON_HOLD", DrmaaStates.name(0x13));
        assertEquals("0x77", DrmaaStates.name(0x77));
    }

    @Test
    void constants_haveTheAgreedValues() {
        assertEquals(25, ERRNO_NO_MORE_ELEMENTS);
        assertEquals(NO_ERRNO, ERRNO_NAMES.size());
        assertEquals("EXIT_TIMEOUT", errnoName(ERRNO_EXIT_TIMEOUT));
        assertEquals("ERRNO_99", errnoName(99));
        assertEquals(4, CONTROL_TERMINATE);
        assertEquals(0x40, PS_FAILED);
        assertTrue(ERROR_BUFFER >= 4096, "drmaa-utils writes up to 4096 bytes of error text");
    }

    @Test
    void errors_mapToTheDrmaa2Tree() {
        assertInstanceOf(DrmCommunicationException.class, ex(ERRNO_DRM_COMMUNICATION_FAILURE));
        assertInstanceOf(DrmCommunicationException.class, ex(ERRNO_DRMS_INIT_FAILED));
        assertInstanceOf(DeniedByDrmsException.class, ex(ERRNO_DENIED_BY_DRM));
        assertInstanceOf(DeniedByDrmsException.class, ex(ERRNO_AUTH_FAILURE));
        assertInstanceOf(InvalidArgumentException.class, ex(ERRNO_INVALID_ATTRIBUTE_VALUE));
        assertInstanceOf(InvalidArgumentException.class, ex(ERRNO_INVALID_CONTACT_STRING));
        assertInstanceOf(InvalidArgumentException.class, ex(ERRNO_INVALID_JOB));
        assertInstanceOf(InvalidSessionException.class, ex(ERRNO_NO_ACTIVE_SESSION));
        assertInstanceOf(SessionManagementException.class, ex(ERRNO_ALREADY_ACTIVE_SESSION));
        assertInstanceOf(TryLaterException.class, ex(ERRNO_TRY_LATER));
        assertInstanceOf(InvalidStateException.class, ex(ERRNO_SUSPEND_INCONSISTENT_STATE));
        assertInstanceOf(InvalidStateException.class, ex(ERRNO_RELEASE_INCONSISTENT_STATE));
        assertInstanceOf(WaitTimeoutException.class, ex(ERRNO_EXIT_TIMEOUT));
        assertInstanceOf(InternalException.class, ex(ERRNO_INTERNAL_ERROR));
        assertInstanceOf(InternalException.class, ex(1234));
    }

    @Test
    void errors_carryTheLibrarysWords_andNameTheField() {
        Drmaa2Exception e = DrmaaErrors.toException(ERRNO_INVALID_ATTRIBUTE_VALUE, "drmaa_set_attribute(drmaa_wd)",
                "Invalid attribute value", "bad directory", "workingDirectory");
        assertTrue(e.getMessage().contains("drmaa_set_attribute(drmaa_wd): INVALID_ATTRIBUTE_VALUE (14, Invalid attribute value): bad directory"), e.getMessage());
        assertTrue(e.getMessage().contains("workingDirectory"), e.getMessage());
    }

    private static Drmaa2Exception ex(int errno) {
        return DrmaaErrors.toException(errno, "drmaa_x", null, "diag", null);
    }
}
