// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.CoProcess;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The co-process submitter: the protocol against the lines the real {@code submitter.py} printed on
 * flux-core 0.88.0 (sample {@code flux088_real_coprocess_submitter.txt}), and its error paths with
 * FAKE co-processes: {@code /bin/sh} scripts that replay those recorded lines, die before a request
 * or in the middle of one. The fakes claim nothing the real submitter was not seen to do, except
 * dying, which a real one does only when killed.
 */
class FluxCoSubmitterTest {
    private static final String SAMPLE = FluxSamples.read("flux088_real_coprocess_submitter.txt");
    private static final String JOB_SUBMIT_ID = "fC6RdJf\n";

    private final ScriptedRunner runner = new ScriptedRunner().on("printenv HOME", ScriptedRunner.Answer.ok("/home/u\n"))
            .on("env -0", ScriptedRunner.Answer.ok("PATH=/usr/bin:/bin\0HOME=/home/u\0"))
            .on("job submit", ScriptedRunner.Answer.ok(JOB_SUBMIT_ID));
    private final FluxBackend backend = new FluxBackend(new CliContext(new BackendContext(null, new RecordingSink(), null,
            new DriverSettings("flux", Map.of())), runner, ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()),
            Map.of()), 0, Duration.ofSeconds(5));
    private final List<Process> started = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        backend.close();
        started.forEach(Process::destroyForcibly);
    }

    /** @return the lines of one section of the sample (after its "=== " heading) */
    private static List<String> section(int n) {
        String[] parts = SAMPLE.split("(?m)^=== .*\\n");
        return List.of(parts[n + 1].split("\n"));
    }

    /** A FAKE submitter: prints each line of {@code answers} in turn, the first unasked, each next one per request line read. */
    private Process fake(List<String> answers) {
        return sh("printf '%s\\n' \"$1\"; shift; for a; do IFS= read -r l || exit 0; printf '%s\\n' \"$a\"; done; cat >/dev/null", answers);
    }

    private Process sh(String script, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, "fake-flux-submitter"));
        argv.addAll(args);
        try {
            Process p = new ProcessBuilder(argv).start();
            started.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void coProcess(Process p) {
        runner.coProcesses = c -> Optional.of(new CoProcess(p));
    }

    private Submitted submit() {
        return backend.submit(new SubmitRequest("s", Path.of("/tmp"), JobTemplate.builder("/bin/true").submitAsHold(true).build(),
                "0123456789ab.cdef01234567"));
    }

    private long jobSubmits() {
        return runner.fluxCommands().stream().filter(c -> c.startsWith("job submit")).count();
    }

    @Test
    void protocol_theRealSubmittersAnswers() {
        List<String> out = section(0);
        assertEquals(FluxCoSubmitter.READY, out.get(0), "it greets once connected");
        assertEquals(FluxIds.toF58(1157476909056L), FluxCoSubmitter.id(out.get(1)));
        DeniedByDrmsException urgency = assertThrows(DeniedByDrmsException.class, () -> FluxCoSubmitter.id(out.get(2)));
        assertEquals("Flux refused the job: urgency range is [0:31]", urgency.getMessage());
        assertTrue(assertThrows(DeniedByDrmsException.class, () -> FluxCoSubmitter.id(out.get(3))).getMessage().endsWith("version must be 1"));
        assertTrue(assertThrows(DeniedByDrmsException.class, () -> FluxCoSubmitter.id(out.get(4))).getMessage()
                .endsWith("Invalid queue 'nosuch' specified"));
        assertTrue(assertThrows(DeniedByDrmsException.class, () -> FluxCoSubmitter.id(out.get(6))).getMessage()
                .contains("nothing was submitted"));
        assertEquals("exit 0", out.get(7));
        assertThrows(IllegalStateException.class, () -> FluxCoSubmitter.id("Traceback (most recent call last):"));
        assertEquals(List.of("ready", "exit 0", "jobs before 3 after 3"), section(1), "a request cut short submitted nothing");
    }

    @Test
    void requestLine_urgencyThenTheJobspecOnOneLine() {
        List<String> lines = new ArrayList<>();
        Path log = dir.resolve("requests");
        coProcess(sh("printf 'ready\\n'; while IFS= read -r l; do printf '%s\\n' \"$l\" >> \"$1\"; printf 'ok 1157476909056\\n'; done", List.of(log.toString())));
        assertEquals(FluxIds.toF58(1157476909056L), submit().jobId());
        try {
            lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("0 {"), "held: urgency 0, then the jobspec");
        JsonNode spec = FluxJobRecords.parseRecord(lines.get(0).substring(2));
        assertEquals("drmaa2j:0123456789ab.cdef01234567", spec.path("attributes").path("user").path("drmaa2j").path("tag").asText());
    }

    @Test
    void fastPath_oneCoProcessForEveryJob_noFluxJobSubmit() {
        coProcess(fake(List.of(section(0).get(0), section(0).get(1), section(0).get(1), section(0).get(2))));
        assertEquals(FluxIds.toF58(1157476909056L), submit().jobId());
        assertEquals(FluxIds.toF58(1157476909056L), submit().jobId());
        DeniedByDrmsException refused = assertThrows(DeniedByDrmsException.class, this::submit);
        assertTrue(refused.getMessage().contains("urgency range is [0:31]"), refused.getMessage());
        assertEquals(1, runner.coProcessCommands.size(), "started once");
        assertEquals(List.of("env", "FLUX_F58_FORCE_ASCII=1", "flux", "python", "-u", "-c", FluxCoSubmitter.SCRIPT),
                runner.coProcessCommands.get(0).argv());
        assertEquals(0, jobSubmits());
    }

    @Test
    void noCoProcessOffered_oneFluxJobSubmitPerJob() {
        assertEquals("fC6RdJf", submit().jobId());
        assertEquals("fC6RdJf", submit().jobId());
        assertEquals(1, runner.coProcessCommands.size(), "asked once, then not again");
        assertEquals(2, jobSubmits());
    }

    @Test
    void bindingsCannotConnect_fallsBackToFluxJobSubmit() {
        List<String> traceback = section(2).subList(0, section(2).size() - 1);
        assertEquals("exit 1", section(2).get(section(2).size() - 1));
        coProcess(sh("printf '%s\\n' \"$@\" >&2; exit 1", traceback));
        assertEquals("fC6RdJf", submit().jobId());
        assertEquals("fC6RdJf", submit().jobId());
        assertEquals(1, runner.coProcessCommands.size(), "not started again");
        assertEquals(2, jobSubmits());
    }

    @Test
    void diedBeforeTheRequest_nothingSubmittedThere_fluxJobSubmitSubmitsIt() throws InterruptedException {
        Process p = fake(List.of(FluxCoSubmitter.READY, section(0).get(1)));
        coProcess(p);
        assertEquals(FluxIds.toF58(1157476909056L), submit().jobId());
        p.destroyForcibly().waitFor();
        assertEquals("fC6RdJf", submit().jobId(), "the request never reached it: the job goes through flux job submit");
        assertEquals(1, jobSubmits());
        assertEquals("fC6RdJf", submit().jobId());
        assertEquals(2, jobSubmits(), "fallen back for good");
        assertEquals(1, runner.coProcessCommands.size());
    }

    @Test
    void diedInTheMiddleOfARequest_outcomeUnknown_neverSubmittedTwice() {
        coProcess(sh("printf 'ready\\n'; IFS= read -r l; exit 1", List.of()));
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, this::submit);
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        assertEquals(0, jobSubmits(), "the job may exist: not submitted again (the session resolves it by its tag)");
        assertEquals("fC6RdJf", submit().jobId(), "the next job goes through flux job submit");
        assertEquals(1, jobSubmits());
    }

    @Test
    void answerOutsideTheProtocol_outcomeUnknown() {
        coProcess(fake(List.of(FluxCoSubmitter.READY, "Traceback (most recent call last):")));
        assertThrows(DrmCommunicationException.class, this::submit);
        assertEquals(0, jobSubmits());
    }

    @Test
    void notReady_fallsBack() {
        coProcess(fake(List.of("Traceback (most recent call last):")));
        assertEquals("fC6RdJf", submit().jobId());
        assertEquals(1, jobSubmits());
    }

    @Test
    void noAnswerInTime_processEnded_outcomeUnknown() {
        ScriptedRunner r = new ScriptedRunner();
        Process p = sh("printf 'ready\\n'; IFS= read -r l; exec sleep 300", List.of());
        r.coProcesses = c -> Optional.of(new CoProcess(p));
        try (FluxCoSubmitter co = new FluxCoSubmitter(FluxBackend.commands(r), Duration.ofMillis(300))) {
            JsonNode spec = FluxJobRecords.parseRecord("{\"version\":1}");
            assertThrows(DrmCommunicationException.class, () -> co.submit(spec, 16));
            assertFalse(p.isAlive() && co.running(), "ended, and off");
            assertEquals(Optional.empty(), co.submit(spec, 16));
        }
    }
}
