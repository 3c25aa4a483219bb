// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

    @Test
    void invalidArgument_withField_messageStartsWithField() {
        InvalidArgumentException e = new InvalidArgumentException("minSlots", "must be at least 1");
        assertEquals("minSlots", e.getField());
        assertEquals("minSlots: must be at least 1", e.getMessage());
    }

    @Test
    void invalidArgument_withoutField_fieldNull() {
        InvalidArgumentException e = new InvalidArgumentException("no such job");
        assertNull(e.getField());
        assertEquals("no such job", e.getMessage());
    }

    @Test
    void unsupportedAttribute_namesAttribute() {
        UnsupportedAttributeException e = new UnsupportedAttributeException("email", "no mail on this system");
        assertEquals("email", e.getAttribute());
        assertEquals("email: no mail on this system", e.getMessage());
    }

    @Test
    void everyError_isUncheckedDrmaa2Exception_andKeepsCause() {
        Throwable cause = new java.io.IOException("sbatch: error: invalid partition");
        List<Drmaa2Exception> all = List.of(new DeniedByDrmsException("m", cause), new DrmCommunicationException("m", cause),
                new ImplementationSpecificException("m", cause), new InternalException("m", cause),
                new InvalidSessionException("m", cause), new InvalidStateException("m", cause),
                new OutOfResourceException("m", cause), new SessionManagementException("m", cause),
                new WaitTimeoutException("m", cause), new TryLaterException("m", cause),
                new OperationUnsupportedException("m", cause), new DriverSelectionException("m", cause));
        for (Drmaa2Exception e : all) {
            assertTrue(e instanceof RuntimeException, e.getClass().getName());
            assertSame(cause, e.getCause(), e.getClass().getName());
            assertEquals("m", e.getMessage());
        }
    }

    @Test
    void unsupportedOperation_isNotJavaLangOne() {
        assertTrue(!java.lang.UnsupportedOperationException.class.isAssignableFrom(OperationUnsupportedException.class));
    }
}
