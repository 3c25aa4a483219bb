// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchedulerTimesTest {
    @Test
    void instant_epochSecondsAndLocalTimes() {
        assertEquals(Instant.ofEpochSecond(1763780002L), SchedulerTimes.instant("1763780002", ZoneOffset.UTC));
        assertEquals(Instant.parse("2023-10-11T11:08:17Z"), SchedulerTimes.instant("2023-10-11T11:08:17", ZoneOffset.UTC));
    }

    @Test
    void instant_garbledOrOutOfRange_isUnknownNotACrash() {
        // a garbled squeue line glued two epochs together: beyond Instant.MAX, which used to throw DateTimeException
        assertNull(SchedulerTimes.instant("1737800001763780001", ZoneOffset.UTC));
        assertNull(SchedulerTimes.instant("99999999999999999999999", ZoneOffset.UTC));
        assertNull(SchedulerTimes.instant("2023-13-45T99:08:17", ZoneOffset.UTC));
        assertNull(SchedulerTimes.instant("N/A", ZoneOffset.UTC));
    }
}
