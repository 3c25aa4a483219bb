// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ctime(3) text PBS prints, read at its fixed places when the zone is a fixed offset, gives
 * what the general reading gives in a zone of the same offset that is not one (a region).
 */
class PbsTimesTest {
    private static final List<String> TEXTS = List.of("Wed Mar 17 20:36:48 2021", "Sun Dec  6 07:57:48 2026",
            "Thu Feb 29 10:00:00 2024", "Fri Feb 29 10:00:00 2023", "Wed Mar 17 24:00:00 2021", "Wed Mar 17 20:60:48 2021",
            "Wed Mar 17 20:36:60 2021", "Wed Mar  7 20:36:48 2021", "Sun Mar  7 20:36:48 2021", "Wed Mar 17\t20:36:48 2021",
            "Wed  Mar 17 20:36:48 2021", "Wed Mar 017 20:36:48 2021", "Wed Mar 17 20:36:48 0000", "Mon Jan  1 00:00:00 0001",
            "Wed Mar 1a 20:36:48 2021", "WED MAR 17 20:36:48 2021", "Wed Mar 17 20-36-48 2021", "Wed Xyz 17 20:36:48 2021",
            "Fri Dec 31 23:59:59 9999", "Wed Mar 17 20:36:48 2021 ", " Wed Mar 17 20:36:48 2021", "1616013438", "0", "");

    @Test
    void fixedLayout_givesWhatTheGeneralReadingGives() {
        for (String t : TEXTS) {
            assertEquals(PbsTimes.parse(t, ZoneId.of("UTC")), PbsTimes.parse(t, ZoneOffset.UTC), t);
            assertEquals(PbsTimes.parse(t, ZoneId.of("Etc/GMT-2")), PbsTimes.parse(t, ZoneOffset.ofHours(2)), t);
        }
        assertEquals(Instant.parse("2021-03-17T20:36:48Z"), PbsTimes.parse("Wed Mar 17 20:36:48 2021", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-06T05:57:48Z"), PbsTimes.parse("Sun Dec  6 07:57:48 2026", ZoneOffset.ofHours(2)));
        assertEquals(Instant.parse("2024-02-29T10:00:00Z"), PbsTimes.parse("Thu Feb 29 10:00:00 2024", ZoneOffset.UTC));
        assertNull(PbsTimes.parse("Wed Mar  7 20:36:48 2021", ZoneOffset.UTC), "the weekday does not fit the date");
    }
}
