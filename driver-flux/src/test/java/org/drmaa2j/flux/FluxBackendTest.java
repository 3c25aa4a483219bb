// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backend against the real transcript's outputs, with the event watcher off (polling only). */
class FluxBackendTest {
    private static final List<FluxSamples.Step> T = FluxSamples.transcript("flux088_real_instance_transcript.txt");
    private final ScriptedRunner runner = new ScriptedRunner().on("printenv HOME", ScriptedRunner.Answer.ok("/home/u\n"))
            .on("env -0", ScriptedRunner.Answer.ok("PATH=/usr/bin:/bin\0HOME=/home/u\0"));
    private final RecordingSink sink = new RecordingSink();
    private final FluxBackend backend = new FluxBackend(new CliContext(new BackendContext(null, sink, null, new DriverSettings("flux", Map.of())),
            runner, ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()), Map.of()), 0, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        backend.close();
    }

    private static String out(String prefix, int n) {
        return FluxSamples.steps(T, prefix).get(n).stdout();
    }

    /** @return the first flux command with this word in its argv */
    private Command command(String word) {
        return runner.commands.stream().filter(c -> c.argv().contains(word)).findFirst().orElseThrow();
    }

    private static SubmitRequest request(JobTemplate t) {
        return new SubmitRequest("s", Path.of("/tmp"), t);
    }

    private static JobRecord record(String id, JobTemplate t, JobState s) {
        return new JobRecord(id, "s", null, 1, t, JobInfo.builder().jobId(id).jobState(s).build(), Map.of());
    }

    @Test
    void submit_oneFluxJobSubmitWithTheJobspecOnStandardInput() {
        runner.on("job submit", ScriptedRunner.Answer.ok(out("flux submit --urgency=hold", 0)));
        Submitted s = backend.submit(new SubmitRequest("s", Path.of("/tmp"),
                JobTemplate.builder("/bin/sleep").args("30").submitAsHold(true).build(), "0123456789ab.cdef01234567"));
        assertEquals("fC6RdJf", s.jobId());
        assertEquals(JobState.QUEUED_HELD, s.info().getJobState());
        assertEquals(List.of("job submit --urgency=0"), runner.fluxCommands());
        assertEquals(List.of("env", "-0"), runner.commands.get(1).argv(), "the environment, read where flux runs");
        Command submit = command("submit");
        assertFalse(submit.retryable(), "a submission is never repeated blindly");
        JsonNode spec = FluxJobRecords.parseRecord(new String(submit.stdin(), StandardCharsets.UTF_8));
        assertEquals("/home/u", spec.path("attributes").path("system").path("environment").get("HOME").asText(),
                "the environment env -0 printed");
        assertEquals("drmaa2j:0123456789ab.cdef01234567", FluxJobspec.tagOf(spec));
        backend.submit(request(JobTemplate.builder("/bin/true").priority(-3L).build()));
        assertEquals("job submit --urgency=13", runner.fluxCommands().get(1));
        assertEquals(1, runner.commands.stream().filter(c -> c.argv().equals(List.of("env", "-0"))).count(), "the environment is read once");
    }

    @Test
    void submit_rejectionCarriesFluxsWords() {
        runner.on("job submit", new ScriptedRunner.Answer(1, "", "flux-job: unsatisfiable request\n"));
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> backend.submit(request(JobTemplate.builder("/bin/true").build())));
        assertTrue(e.getMessage().contains("unsatisfiable request") && e.getMessage().contains("exit 1"), e.getMessage());
    }

    @Test
    void submitBulk_onePythonProcessForEveryTask_idsInIndexOrder() {
        runner.on("python -c", ScriptedRunner.Answer.ok("17112760320\n17112760321\n7281311744\n"));
        BulkSubmitted b = backend.submitBulk(request(JobTemplate.builder("/bin/echo").build()), new BulkRange(1, 3, 1, 0));
        assertEquals(List.of(FluxIds.toF58(17112760320L), FluxIds.toF58(17112760321L), FluxIds.toF58(7281311744L)),
                b.tasks().stream().map(Submitted::jobId).toList(), "in the order the script printed them: input order");
        assertEquals(b.tasks().get(0).jobId(), b.arrayId());
        Command python = command("python");
        assertEquals(FluxSubmitter.SUBMIT_SCRIPT, python.argv().get(5));
        String[] lines = new String(python.stdin(), StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        for (int i = 0; i < 3; i++) {
            assertTrue(lines[i].startsWith("16 {"), lines[i]);
            JsonNode spec = FluxJobRecords.parseRecord(lines[i].substring(3));
            assertEquals(Integer.toString(i + 1), spec.path("attributes").path("system").path("environment").get("FLUX_JOB_CC").asText());
            assertTrue(spec.path("attributes").path("system").path("files").has(FluxJobspec.SCRIPT_NAME), "every task has the script");
        }
    }

    @Test
    void submitBulk_partialSubmissionIsCancelled() {
        runner.on("python -c", new ScriptedRunner.Answer(1, "17112760320\n-\n17112760322\n", "jobspec 2: Resource temporarily unavailable\n"));
        runner.on("cancel", ScriptedRunner.Answer.ok(""));
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> backend.submitBulk(request(JobTemplate.builder("/bin/true").build()), new BulkRange(1, 3, 1, 0)));
        assertTrue(e.getMessage().contains("Resource temporarily unavailable") && e.getMessage().contains("2 jobs submitted were cancelled"),
                e.getMessage());
        assertEquals("cancel " + FluxIds.toF58(17112760320L) + " " + FluxIds.toF58(17112760322L),
                runner.fluxCommands().get(runner.fluxCommands().size() - 1));
    }

    @Test
    void maxParallel_isEmulated_heldThenReleasedAsTasksEnd() {
        runner.on("python -c", ScriptedRunner.Answer.ok("32631685120\n32648462336\n32665239552\n"));
        runner.on("job urgency", ScriptedRunner.Answer.ok(""));
        BulkSubmitted b = backend.submitBulk(request(JobTemplate.builder("/bin/echo").priority(7L).build()), new BulkRange(1, 3, 1, 2));
        String first = FluxIds.toF58(32631685120L);
        String second = FluxIds.toF58(32648462336L);
        String third = FluxIds.toF58(32665239552L);
        assertTrue(new String(command("python").stdin(), StandardCharsets.UTF_8).startsWith("0 {"), "submitted held");
        assertEquals(List.of("job urgency " + first + " 23", "job urgency " + second + " 23"), runner.fluxCommands().subList(1, 3),
                "released to the template's priority (7 is urgency 23)");
        assertEquals("waiting", b.tasks().get(2).driverData().get(FluxBulkThrottle.STATE_KEY));
        assertEquals("released", sink.data.get(first).get(FluxBulkThrottle.STATE_KEY));
        // the third task is held by the driver, not the user: QUEUED
        String held = "{\"jobs\": [{\"id\": 32665239552, \"state\": \"SCHED\", \"urgency\": 0, \"t_submit\": 1795298747.654535},"
                + " {\"id\": 32631685120, \"state\": \"INACTIVE\", \"result\": \"COMPLETED\", \"waitstatus\": 0, \"t_run\": 1795298747.68, \"t_cleanup\": 1795298747.73}]}";
        runner.on("jobs -a --json", ScriptedRunner.Answer.ok(held));
        JobTemplate t = JobTemplate.builder("/bin/echo").build();
        Map<String, JobInfo> s = backend.status(List.of(record(third, t, JobState.QUEUED), record(first, t, JobState.RUNNING)));
        assertEquals(JobState.QUEUED, s.get(third).getJobState());
        assertEquals(FluxBackend.WAITING_FOR_TURN, s.get(third).getAnnotation());
        assertEquals(JobState.DONE, s.get(first).getJobState());
        // task 1 ended: task 3 gets its slot
        assertEquals("job urgency " + third + " 23", runner.fluxCommands().get(runner.fluxCommands().size() - 1));
    }

    @Test
    void control_holdReleaseTerminate_andNoSuspend() {
        runner.on("job urgency", ScriptedRunner.Answer.ok(""));
        JobTemplate t = JobTemplate.builder("/bin/sleep").priority(5L).build();
        assertEquals(JobState.QUEUED_HELD, backend.control(record("fC6RdJf", t, JobState.QUEUED), JobAction.HOLD).getJobState());
        assertEquals(JobState.QUEUED, backend.control(record("fC6RdJf", t, JobState.QUEUED_HELD), JobAction.RELEASE).getJobState());
        assertEquals(List.of("job urgency fC6RdJf hold", "job urgency fC6RdJf 21"), runner.fluxCommands(), "priority 5 is urgency 21");
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
