// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobInfoTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private static JobInfo job() {
        return JobInfo.builder().jobId("42").jobName("sim").exitStatus(3).jobState(JobState.FAILED)
                .jobSubState("FAILED").allocatedMachines(List.of("n1", "n2")).jobOwner("alice").slots(4L)
                .queueName("batch").wallclockTime(Duration.ofMinutes(10)).cpuTime(Duration.ofMinutes(30))
                .submissionTime(T0).dispatchTime(T0.plusSeconds(60)).finishTime(T0.plusSeconds(660))
                .extensions(Map.of("k", "v")).build();
    }

    @Test
    void matches_emptyFilter_matchesEverything() {
        assertTrue(JobInfo.builder().build().matches(job()));
        assertTrue(JobInfo.builder().build().matches(JobInfo.builder().build()));
    }

    @Test
    void matches_equalityFields() {
        assertTrue(JobInfo.builder().jobId("42").build().matches(job()));
        assertFalse(JobInfo.builder().jobId("43").build().matches(job()));
        assertTrue(JobInfo.builder().jobState(JobState.FAILED).exitStatus(3).build().matches(job()));
        assertFalse(JobInfo.builder().jobState(JobState.DONE).build().matches(job()));
        assertFalse(JobInfo.builder().exitStatus(0).build().matches(job()));
        assertFalse(JobInfo.builder().queueName("other").build().matches(job()));
        assertFalse(JobInfo.builder().slots(8L).build().matches(job()));
        assertFalse(JobInfo.builder().jobOwner("bob").build().matches(job()));
        assertFalse(JobInfo.builder().terminatingSignal("SIGKILL").build().matches(job()));
    }

    @Test
    void matches_filterFieldSetButCandidateUnknown_noMatch() {
        JobInfo unknown = JobInfo.builder().jobId("42").build();
        assertFalse(JobInfo.builder().jobState(JobState.DONE).build().matches(unknown));
        assertFalse(JobInfo.builder().wallclockTime(Duration.ZERO).build().matches(unknown));
        assertFalse(JobInfo.builder().submissionTime(T0).build().matches(unknown));
    }

    @Test
    void matches_allocatedMachines_subset() {
        assertTrue(JobInfo.builder().allocatedMachines(List.of("n2")).build().matches(job()));
        assertTrue(JobInfo.builder().allocatedMachines(List.of("n1", "n2")).build().matches(job()));
        assertFalse(JobInfo.builder().allocatedMachines(List.of("n1", "n3")).build().matches(job()));
    }

    @Test
    void matches_times_atOrAfter() {
        assertTrue(JobInfo.builder().submissionTime(T0).build().matches(job()));
        assertFalse(JobInfo.builder().submissionTime(T0.plusSeconds(1)).build().matches(job()));
        assertTrue(JobInfo.builder().dispatchTime(T0).build().matches(job()));
        assertFalse(JobInfo.builder().finishTime(T0.plusSeconds(661)).build().matches(job()));
    }

    @Test
    void matches_durations_atLeast() {
        assertTrue(JobInfo.builder().wallclockTime(Duration.ofMinutes(10)).build().matches(job()));
        assertFalse(JobInfo.builder().wallclockTime(Duration.ofMinutes(11)).build().matches(job()));
        assertTrue(JobInfo.builder().cpuTime(Duration.ofMinutes(1)).build().matches(job()));
        assertFalse(JobInfo.builder().cpuTime(Duration.ofHours(1)).build().matches(job()));
    }

    @Test
    void matches_extensionsIgnored() {
        assertTrue(JobInfo.builder().extensions(Map.of("other", "x")).build().matches(job()));
    }

    @Test
    void matches_null_throws() {
        assertThrows(NullPointerException.class, () -> JobInfo.builder().build().matches(null));
    }

    @Test
    void toBuilder_roundTrip_equal() {
        JobInfo i = job();
        assertEquals(i, i.toBuilder().build());
        assertEquals(i.hashCode(), i.toBuilder().build().hashCode());
        assertFalse(i.equals(i.toBuilder().annotation("x").build()));
    }

    @Test
    void collections_immutableAndDefaultEmpty() {
        JobInfo empty = JobInfo.builder().build();
        assertTrue(empty.getAllocatedMachines().isEmpty());
        assertTrue(empty.getExtensions().isEmpty());
        assertThrows(java.lang.UnsupportedOperationException.class, () -> job().getAllocatedMachines().add("x"));
        assertThrows(java.lang.UnsupportedOperationException.class, () -> job().getExtensions().put("a", "b"));
    }
}
