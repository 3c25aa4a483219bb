// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backend against the real transcript's outputs, with the event watcher off (polling only). */
class FluxBackendTest {
    private static final List<FluxSamples.Step> T = FluxSamples.transcript("flux088_real_instance_transcript.txt");
    private final ScriptedRunner runner = new ScriptedRunner().on("printenv HOME", ScriptedRunner.Answer.ok("/home/u\n"));
    private final RecordingSink sink = new RecordingSink();
    private final FluxBackend backend = new FluxBackend(new BackendContext(null, sink, null, new DriverSettings("flux", Map.of())),
            runner, ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()), 0, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        backend.close();
    }

    private static String out(String prefix, int n) {
        return FluxSamples.steps(T, prefix).get(n).stdout();
    }

    private static SubmitRequest request(JobTemplate t) {
        return new SubmitRequest("s", Path.of("/tmp"), t);
    }

    private static JobRecord record(String id, JobTemplate t, JobState s) {
        return new JobRecord(id, "s", null, 1, t, JobInfo.builder().jobId(id).jobState(s).build(), Map.of());
    }

    @Test
    void submit_heldJobIdFromTranscript() {
        runner.on("submit", ScriptedRunner.Answer.ok(out("flux submit --urgency=hold", 0)));
        Submitted s = backend.submit(request(JobTemplate.builder("/bin/sleep").args("30").submitAsHold(true).build()));
        assertEquals("fC6RdJf", s.jobId());
        assertEquals(JobState.QUEUED_HELD, s.info().getJobState());
        assertTrue(runner.fluxCommands().get(0).startsWith("submit --urgency=hold --cwd=/home/u --add-file=drmaa2j.sh="));
    }

    @Test
    void submit_rejectionCarriesFluxsWords() {
        runner.on("submit", new ScriptedRunner.Answer(1, "", "flux-submit: ERROR: [Errno 22] unsatisfiable request\n"));
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> backend.submit(request(JobTemplate.builder("/bin/true").build())));
        assertTrue(e.getMessage().contains("unsatisfiable request") && e.getMessage().contains("exit 1"), e.getMessage());
    }

    @Test
    void submitBulk_oneCcCall_tasksInIndexOrder() {
        runner.on("submit", ScriptedRunner.Answer.ok("frk2uQ3\nfriYv7h\nfriYv7i\n")); // printed out of order
        BulkSubmitted b = backend.submitBulk(request(JobTemplate.builder("/bin/echo").build()), new BulkRange(1, 3, 1, 0));
        assertEquals(List.of("friYv7h", "friYv7i", "frk2uQ3"), b.tasks().stream().map(Submitted::jobId).toList());
        assertEquals("friYv7h", b.arrayId());
        assertEquals(1, runner.fluxCommands().size());
        assertTrue(runner.fluxCommands().get(0).contains("--cc=1-3"));
    }

    @Test
    void submitBulk_partialSubmissionIsCancelled() {
        runner.on("submit", new ScriptedRunner.Answer(1, "friYv7h\n", "flux-submit: cc=2: job-ingest: Resource temporarily unavailable\n"));
        runner.on("cancel", ScriptedRunner.Answer.ok(""));
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> backend.submitBulk(request(JobTemplate.builder("/bin/true").build()), new BulkRange(1, 3, 1, 0)));
        assertTrue(e.getMessage().contains("job-ingest"), e.getMessage());
        assertEquals("cancel friYv7h", runner.fluxCommands().get(1));
    }

    @Test
    void maxParallel_isEmulated_heldThenReleasedAsTasksEnd() {
        runner.on("submit", ScriptedRunner.Answer.ok("friYv7h\nfriYv7i\nfrk2uQ3\n"));
        runner.on("job urgency", ScriptedRunner.Answer.ok(""));
        BulkSubmitted b = backend.submitBulk(request(JobTemplate.builder("/bin/echo").priority(7L).build()), new BulkRange(1, 3, 1, 2));
        assertTrue(runner.fluxCommands().get(0).contains("--urgency=hold"));
        assertEquals(List.of("job urgency friYv7h 7", "job urgency friYv7i 7"), runner.fluxCommands().subList(1, 3),
                "released to the template's priority");
        assertEquals("waiting", b.tasks().get(2).driverData().get(FluxBulkThrottle.STATE_KEY));
        assertEquals("released", sink.data.get("friYv7h").get(FluxBulkThrottle.STATE_KEY));
        // the third task is held by the driver, not the user: QUEUED
        String held = "{\"jobs\": [{\"id\": 32648462336, \"state\": \"SCHED\", \"urgency\": 0, \"t_submit\": 1795298747.654535},"
                + " {\"id\": 32631685120, \"state\": \"INACTIVE\", \"result\": \"COMPLETED\", \"waitstatus\": 0, \"t_run\": 1795298747.68, \"t_cleanup\": 1795298747.73}]}";
        runner.on("jobs -a --json", ScriptedRunner.Answer.ok(held));
        JobTemplate t = JobTemplate.builder("/bin/echo").build();
        Map<String, JobInfo> s = backend.status(List.of(record("frk2uQ3", t, JobState.QUEUED), record("friYv7h", t, JobState.RUNNING)));
        assertEquals(JobState.QUEUED, s.get("frk2uQ3").getJobState());
        assertEquals(FluxBackend.WAITING_FOR_TURN, s.get("frk2uQ3").getAnnotation());
        assertEquals(JobState.DONE, s.get("friYv7h").getJobState());
        // task 1 ended: task 3 gets its slot
        assertEquals("job urgency frk2uQ3 7", runner.fluxCommands().get(runner.fluxCommands().size() - 1));
    }

    @Test
    void control_holdReleaseTerminate_andNoSuspend() {
        runner.on("job urgency", ScriptedRunner.Answer.ok(""));
        JobTemplate t = JobTemplate.builder("/bin/sleep").priority(5L).build();
        assertEquals(JobState.QUEUED_HELD, backend.control(record("fC6RdJf", t, JobState.QUEUED), JobAction.HOLD).getJobState());
        assertEquals(JobState.QUEUED, backend.control(record("fC6RdJf", t, JobState.QUEUED_HELD), JobAction.RELEASE).getJobState());
        assertEquals(List.of("job urgency fC6RdJf hold", "job urgency fC6RdJf 5"), runner.fluxCommands());
        FluxSamples.Step inactive = FluxSamples.steps(T, "flux cancel").get(1);
        runner.on("cancel", new ScriptedRunner.Answer(inactive.rc(), inactive.stdout(), inactive.stderr()));
        assertNull(backend.control(record("fC6RdJf", t, JobState.RUNNING), JobAction.TERMINATE), "cancelling an ended job is no error");
        runner.on("cancel", new ScriptedRunner.Answer(1, "", "flux-cancel: ERROR: fC6RdJf: Operation not permitted\n"));
        assertThrows(DeniedByDrmsException.class, () -> backend.control(record("fC6RdJf", t, JobState.RUNNING), JobAction.TERMINATE));
        assertThrows(OperationUnsupportedException.class, () -> backend.control(record("fC6RdJf", t, JobState.RUNNING), JobAction.SUSPEND));
    }

    @Test
    void status_oneCommandForAllJobs() {
        runner.on("jobs -a --json", ScriptedRunner.Answer.ok(out("flux jobs -a --json", 2)));
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        Map<String, JobInfo> s = backend.status(List.of(record("fC6RdJf", t, JobState.RUNNING), record("fT5CNSj", t, JobState.RUNNING)));
        assertEquals(List.of("jobs -a --json fC6RdJf fT5CNSj"), runner.fluxCommands());
        assertEquals(3, s.get("fT5CNSj").getExitStatus());
        assertEquals(JobState.FAILED, s.get("fC6RdJf").getJobState());
    }

    @Test
    void status_fallsBackToFormatWithoutJson() {
        runner.on("jobs -a --json", new ScriptedRunner.Answer(2, "", "usage: flux-jobs [-h] ...\nflux-jobs: error: unrecognized arguments: --json\n"));
        runner.on("jobs -a -n -o", ScriptedRunner.Answer.ok("fT5CNSj|INACTIVE|FAILED|16|768|3|||1795298746.72|1795298746.75|1795298746.79|1795298746.79|1|ef100d42c718||root|sh\n"));
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        assertEquals(3, backend.status(List.of(record("fT5CNSj", t, JobState.RUNNING))).get("fT5CNSj").getExitStatus());
        backend.status(List.of(record("fT5CNSj", t, JobState.RUNNING)));
        assertEquals(3, runner.fluxCommands().size(), "the --json probe is not repeated");
    }

    @Test
    void drmsVersion_fromFluxVersion() {
        runner.on("version", ScriptedRunner.Answer.ok(out("flux version", 0)));
        assertEquals(new Version("0", "88.0"), backend.drmsVersion());
    }
}
