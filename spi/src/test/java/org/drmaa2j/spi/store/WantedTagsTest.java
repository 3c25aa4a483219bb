// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.Test;

class WantedTagsTest {
    @Test
    void tagsSorted_oldestIntentTime() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        WantedTags w = WantedTags.of(List.of(intent("b", t0.plusSeconds(5)), intent("a", t0), intent("c", t0.plusSeconds(9))));
        assertEquals(List.of("a", "b", "c"), List.copyOf(w.tags()));
        assertEquals(t0, w.oldest());
        assertFalse(w.isEmpty());
    }

    @Test
    void noIntents_nothingWanted() {
        assertTrue(WantedTags.of(List.of()).isEmpty());
    }

    private static SubmissionIntent intent(String tag, Instant at) {
        return new SubmissionIntent(tag, at, JobTemplate.builder("/bin/true").build(), null);
    }
}
