// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

/** A poll's whole-second submission time against the one taken at submission. */
class SubmissionTimeTest {
    private static JobInfo at(String t) {
        return JobInfo.builder().jobId("1").jobState(JobState.RUNNING).submissionTime(t == null ? null : Instant.parse(t)).build();
    }

    @Test
    void theSchedulersWholeSecond_doesNotMoveTheSubmissionTimeBack() {
        JobInfo known = at("2026-12-06T18:54:06.281898417Z");
        assertEquals(known.getSubmissionTime(), Connection.keepFinerSubmissionTime(known, at("2026-12-06T18:54:06Z")).getSubmissionTime());
        assertEquals(known.getSubmissionTime(), Connection.keepFinerSubmissionTime(known, at("2026-12-06T18:54:05Z")).getSubmissionTime(),
                "the server read its clock during the submission, in the second before");
        assertEquals(Instant.parse("2026-12-06T18:50:00Z"),
                Connection.keepFinerSubmissionTime(known, at("2026-12-06T18:50:00Z")).getSubmissionTime(), "far apart: the scheduler's");
        assertEquals(Instant.parse("2026-12-06T18:54:06Z"),
                Connection.keepFinerSubmissionTime(at(null), at("2026-12-06T18:54:06Z")).getSubmissionTime(), "nothing known: the scheduler's");
        JobInfo none = at(null);
        assertSame(none, Connection.keepFinerSubmissionTime(known, none), "a poll without one is left as it is");
    }
}
