// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.ExtensionKeys;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.script.ScriptModel;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.Test;

/** The kit's pieces together: a tiny backend whose "scheduler" is a scripted runner. */
class CliKitTest {
    /** Records every argv and answers each program with a fixed output. */
    static final class Runner implements CommandRunner {
        final List<List<String>> calls = new ArrayList<>();
        final List<String> stdins = new ArrayList<>();
        int closed;
        /** What a scheduler records as the submission time: the whole second in which the submission ran. */
        java.time.Instant recorded;

        @Override
        public CommandResult run(Command c) {
            if (c.program().equals("tinysub")) recorded = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            calls.add(c.argv());
            stdins.add(c.stdin() == null ? null : new String(c.stdin(), java.nio.charset.StandardCharsets.UTF_8));
            String out = switch (c.program()) {
                case "printenv" -> "/home/u\n";
                case "tinyversion" -> "tiny 1.2.3\n";
                case "tinysub" -> "banner\njob 42 accepted\n";
                default -> "";
            };
            return new CommandResult(c, 0, out, "", Duration.ZERO);
        }

        @Override
        public String describe() {
            return "scripted";
        }

        @Override
        public void close() {
            closed++;
        }
    }

    static final class TinySubmit implements SubmitCommand {
        private final TinyBackend backend;

        TinySubmit(TinyBackend backend) {
            this.backend = backend;
        }

        @Override
        public Command build(JobTemplate t, BulkRange range, String tag) {
            JobPaths p = backend.pathsOf(t, range != null);
            String script = ScriptModel.of(t, p, range != null).render(backend.rendererOf());
            List<String> argv = new ArrayList<>(List.of("tinysub", "--cwd=" + p.workingDirectory()));
            if (range != null) argv.add("--tasks=" + range.begin() + "-" + range.end());
            return Command.of(argv).withStdin(script).notRetryable();
        }
    }

    static class TinyBackend extends CliBackend<TinySubmit> {
        int submitCommandsMade;

        TinyBackend(CliContext cli) {
            super(cli, "WAIT", "HELD");
        }

        JobPaths pathsOf(JobTemplate t, boolean bulk) {
            return paths(t, bulk);
        }

        ScriptRenderer rendererOf() {
            return renderer();
        }

        @Override
        protected ExtensionKeys extensionKeys() {
            return ExtensionKeys.STANDARD.without(Extensions.MEMORY_PER_NODE_MB).with("site.project");
        }

        @Override
        protected Version readVersion() {
            return Version.parse(CommandErrors.output(runner().run(Command.of("tinyversion"))).strip().replace("tiny ", ""));
        }

        @Override
        protected Optional<String> jobId(String output) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("job (\\d+) accepted").matcher(output);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        @Override
        protected String taskId(String arrayId, long index) {
            return arrayId + "." + index;
        }

        @Override
        protected TinySubmit newSubmitCommand() {
            submitCommandsMade++;
            return new TinySubmit(this);
        }

        @Override
        public String drmsName() {
            return "Tiny";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public JobInfo control(JobRecord job, JobAction action) {
            return null;
        }

        @Override
        public Map<String, JobInfo> status(List<JobRecord> jobs) {
            return Map.of();
        }
    }

    private final Runner runner = new Runner();
    private final TinyBackend backend = new TinyBackend(new CliContext(
            new BackendContext("tiny://here", null, null, new DriverSettings("tiny", Map.of())), runner,
            ScriptRenderer.of("tiny.sh.j2", "cd {{ workingDirectory | sh('I') }}\nexec {{ command | sh }} {{ args | sh('I') }}\n"), Map.of()));

    private static SubmitRequest request(JobTemplate t) {
        return new SubmitRequest("s", null, t, "tag");
    }

    @Test
    void submit_runsTheCommandAndReadsTheId() {
        JobTemplate t = JobTemplate.builder("/bin/echo").args("$DRMAA2_HOME_DIR$", "x").workingDirectory("w").build();
        Submitted s = backend.submit(request(t));
        assertEquals("42", s.jobId());
        assertEquals(JobState.QUEUED, s.info().getJobState());
        assertEquals("WAIT", s.info().getJobSubState());
        assertEquals(List.of("tinysub", "--cwd=/home/u/w"), runner.calls.get(runner.calls.size() - 1));
        assertEquals("cd /home/u/w\nexec /bin/echo /home/u x\n", runner.stdins.get(runner.stdins.size() - 1));
    }

    @Test
    void submitBulk_namesTheTasks() {
        JobTemplate t = JobTemplate.builder("/bin/echo").args("$DRMAA2_INDEX$").workingDirectory("/d/$DRMAA2_INDEX$").submitAsHold(true).build();
        BulkSubmitted b = backend.submitBulk(request(t), new BulkRange(1, 2, 1, 0));
        assertEquals("42", b.arrayId());
        assertEquals(List.of("42.1", "42.2"), b.tasks().stream().map(Submitted::jobId).toList());
        assertEquals("HELD", b.tasks().get(0).info().getJobSubState());
        assertEquals("cd /d/\"$I\"\nexec /bin/echo \"$I\"\n", runner.stdins.get(runner.stdins.size() - 1));
    }

    @Test
    void submissionTime_isNeverAfterTheSchedulersWholeSecond_soTheFirstPollDoesNotMoveItBack() {
        Submitted s = backend.submit(request(JobTemplate.builder("/bin/true").build()));
        assertFalse(s.info().getSubmissionTime().isAfter(runner.recorded), s.info().getSubmissionTime() + " after " + runner.recorded);
        assertEquals(0, s.info().getSubmissionTime().getNano(), "a whole second, as schedulers record it");
        BulkSubmitted b = backend.submitBulk(request(JobTemplate.builder("/bin/true").build()), new BulkRange(1, 2, 1, 0));
        for (Submitted task : b.tasks()) assertFalse(task.info().getSubmissionTime().isAfter(runner.recorded));
    }

    @Test
    void versionHomeAndSubmitCommand_learntOnce() {
        backend.submit(request(JobTemplate.builder("/bin/true").build()));
        backend.submit(request(JobTemplate.builder("/bin/true").build()));
        assertEquals("1.2.3", backend.drmsVersion().toString());
        backend.drmsVersion();
        assertEquals(1, runner.calls.stream().filter(a -> a.get(0).equals("printenv")).count());
        assertEquals(1, runner.calls.stream().filter(a -> a.get(0).equals("tinyversion")).count());
        assertEquals(1, backend.submitCommandsMade);
        assertEquals("tiny://here", backend.contact());
        backend.close();
        assertEquals(1, runner.closed);
    }

    @Test
    void checkTemplate_extensionKeysFromTheRegistry() {
        backend.checkTemplate(JobTemplate.builder("/bin/true").extension("site.project", "p1").build(), false);
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class, () -> backend.checkTemplate(
                JobTemplate.builder("/bin/true").extension(Extensions.MEMORY_PER_NODE_MB, "10").build(), false));
        assertEquals("extensions[" + Extensions.MEMORY_PER_NODE_MB + "]", e.getAttribute());
        assertTrue(ExtensionKeys.STANDARD.keys().contains(Extensions.MEMORY_PER_NODE_MB));
    }

    @Test
    void submission_aSubclassHasTheLastWord() {
        TinyBackend wrapped = new TinyBackend(new CliContext(new BackendContext(null, null, null, new DriverSettings("tiny", Map.of())),
                runner, ScriptRenderer.of("t", "exec {{ command | sh }}\n"), Map.of())) {
            @Override
            protected Command submission(Command c) {
                List<String> argv = new ArrayList<>(c.argv());
                argv.set(0, "tinysub");
                argv.add(1, "--site");
                return new Command(argv, c.stdin(), c.timeout(), c.retryable());
            }
        };
        assertEquals("42", wrapped.submit(request(JobTemplate.builder("/bin/true").build())).jobId());
        assertEquals(List.of("tinysub", "--site", "--cwd=/home/u"), runner.calls.get(runner.calls.size() - 1));
    }
}
