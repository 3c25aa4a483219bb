// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.junit.jupiter.api.Test;

/** Submissions of unknown outcome, found again by the tag in their jobspecs. */
class FluxTagLookupTest {
    private static final JobTemplate T = JobTemplate.builder("/bin/true").build();

    @Test
    void find_oneFluxPythonSinceTheOldestIntent_lessAMinute() {
        ScriptedRunner runner = new ScriptedRunner().on("python -c", ScriptedRunner.Answer.ok(
                "17112760320 - drmaa2j:aaaaaaaaaaaa.000000000001\n"
                        + "32631685120 1 drmaa2j:aaaaaaaaaaaa.000000000002\n"
                        + "32648462336 2 drmaa2j:aaaaaaaaaaaa.000000000002\n"
                        + "7281311744 - someone else's label\n"));
        Instant older = Instant.ofEpochSecond(1796543600L);
        List<SubmissionIntent> intents = List.of(
                new SubmissionIntent("aaaaaaaaaaaa.000000000001", older.plusSeconds(30), T, null),
                new SubmissionIntent("aaaaaaaaaaaa.000000000002", older, T, new BulkRange(1, 2, 1, 0)),
                new SubmissionIntent("aaaaaaaaaaaa.000000000003", older, T, null));
        Map<String, BulkSubmitted> found = new FluxTagLookup(FluxBackend.commands(runner)).find(intents);
        List<String> argv = runner.commands.get(0).argv();
        assertEquals(FluxTagLookup.SCRIPT, argv.get(5));
        assertEquals(Long.toString(older.getEpochSecond() - 60), argv.get(6));
        assertEquals(FluxIds.toF58(17112760320L), found.get("aaaaaaaaaaaa.000000000001").arrayId());
        BulkSubmitted bulk = found.get("aaaaaaaaaaaa.000000000002");
        assertEquals(List.of(FluxIds.toF58(32631685120L), FluxIds.toF58(32648462336L)), bulk.tasks().stream().map(Submitted::jobId).toList());
        assertFalse(found.containsKey("aaaaaaaaaaaa.000000000003"), "not submitted: left out");
    }

    @Test
    void aBulkSubmissionWithMissingTasks_isNotTakenAsSubmitted() {
        Map<String, Map<Long, String>> found = FluxTagLookup.parse("32631685120 1 drmaa2j:aaaaaaaaaaaa.000000000002\n");
        assertTrue(FluxTagLookup.match(List.of(new SubmissionIntent("aaaaaaaaaaaa.000000000002", Instant.now(), T,
                new BulkRange(1, 2, 1, 0))), found).isEmpty());
    }

    @Test
    void aThrottledBulkSubmission_isAdoptedWaitingForItsTurn() {
        Map<String, Map<Long, String>> found = FluxTagLookup.parse("32631685120 1 drmaa2j:aaaaaaaaaaaa.000000000002\n"
                + "32648462336 2 drmaa2j:aaaaaaaaaaaa.000000000002\n");
        BulkSubmitted b = FluxTagLookup.match(List.of(new SubmissionIntent("aaaaaaaaaaaa.000000000002", Instant.now(), T,
                new BulkRange(1, 2, 1, 1))), found).get("aaaaaaaaaaaa.000000000002");
        assertEquals("1", b.tasks().get(1).driverData().get(FluxBulkThrottle.MAX_KEY));
        assertEquals("waiting", b.tasks().get(1).driverData().get(FluxBulkThrottle.STATE_KEY));
    }

    @Test
    void aFailedLookup_saysSo() {
        ScriptedRunner runner = new ScriptedRunner().on("python -c", new ScriptedRunner.Answer(1, "", "flux-python: Unable to connect to Flux\n"));
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> new FluxTagLookup(FluxBackend.commands(runner)).find(
                List.of(new SubmissionIntent("aaaaaaaaaaaa.000000000001", Instant.now(), T, null))));
        assertTrue(e.getMessage().contains("Unable to connect"), e.getMessage());
    }
}
