// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command against the in-memory {@link FakeDriver}: parsing, output, exit codes, errors. */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void reset() {
        FakeDriver.reset();
    }

    private static Cli fake(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--driver";
        all[1] = "fake";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    private static JobTemplate lastTemplate() {
        return FakeDriver.SESSIONS.get(Drmaa2Cli.DEFAULT_SESSION).values().stream()
                .reduce((a, b) -> b).orElseThrow().template();
    }

    @Test
    void run_done_printsStateAndExitsZero() {
        Cli r = fake("run", "--", "/bin/true");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("Job 101 submitted (session drmaa2-cli)"), r.out);
        assertTrue(r.out.contains("Job 101 DONE, exit status 0"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void run_exitStatus_mirrored() {
        Cli r = fake("run", "--", "exit", "3");
        assertEquals(3, r.exitCode, r.toString());
        assertTrue(r.out.contains("FAILED, exit status 3"), r.out);
    }

    @Test
    void run_signal_exits128PlusN() {
        assertEquals(137, fake("run", "--", "kill", "SIGKILL").exitCode);
        assertEquals(143, fake("run", "--", "kill", "TERM").exitCode);
    }

    @Test
    void run_reapsTheJob() {
        fake("run", "--", "/bin/true");
        Cli list = fake("list");
        assertFalse(list.out.contains("101"), list.out);
    }

    @Test
    void run_rejectedSubmission_printsSchedulerWordsExitsOne() {
        Cli r = fake("run", "--", "reject");
        assertEquals(1, r.exitCode, r.toString());
        assertTrue(r.err.startsWith("drmaa2: sbatch: error: Batch job submission failed: Invalid partition name"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void run_json_oneJobObjectWithExitCode() throws Exception {
        Cli r = fake("run", "--json", "--name", "j1", "--", "exit", "4");
        assertEquals(4, r.exitCode, r.toString());
        JsonNode n = JSON.readTree(r.out);
        assertTrue(n.isObject(), r.out);
        assertEquals("101", n.get("jobId").asText());
        assertEquals("drmaa2-cli", n.get("session").asText());
        assertEquals("j1", n.get("jobName").asText());
        assertEquals("FAILED", n.get("state").asText());
        assertEquals(4, n.get("exitStatus").asInt());
        assertEquals(4, n.get("exitCode").asInt());
        assertTrue(n.get("terminatingSignal").isNull());
        assertEquals("localhost", n.get("allocatedMachines").get(0).asText());
    }

    @Test
    void run_commandWithOptionLikeArgsAfterFirstPositional_passedThrough() {
        Cli r = fake("run", "/bin/echo", "-n", "--json", "x");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(List.of("-n", "--json", "x"), lastTemplate().getArgs());
        assertFalse(r.out.trim().startsWith("{"), "--json after the command belongs to the job: " + r.out);
    }

    @Test
    void submit_allJobOptions_makeTheTemplate() {
        Cli r = fake("submit", "--name", "n", "--queue", "q", "--workdir", "/w", "--output", "/o", "--error", "/e",
                "--input", "/i", "--join", "--env", "A=1", "--env", "B=x=y", "--hold", "--slots", "4", "--time", "1:30:00",
                "--ext", "drmaa2j.nodes=2", "--", "/bin/sh", "-c", "echo $A");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("101", r.out.trim());
        JobTemplate t = lastTemplate();
        assertEquals("/bin/sh", t.getRemoteCommand());
        assertEquals(List.of("-c", "echo $A"), t.getArgs());
        assertEquals("n", t.getJobName());
        assertEquals("q", t.getQueueName());
        assertEquals("/w", t.getWorkingDirectory());
        assertEquals("/o", t.getOutputPath());
        assertEquals("/e", t.getErrorPath());
        assertEquals("/i", t.getInputPath());
        assertTrue(t.isJoinFiles());
        assertEquals(Map.of("A", "1", "B", "x=y"), t.getJobEnvironment());
        assertTrue(t.isSubmitAsHold());
        assertEquals(4L, t.getMinSlots());
        assertEquals(5400L, t.getResourceLimits().get(ResourceLimit.WALLCLOCK_TIME));
        assertEquals(Map.of("drmaa2j.nodes", "2"), t.getExtensions());
    }

    @Test
    void submit_json_idAndSession() throws Exception {
        JsonNode n = JSON.readTree(fake("--session", "s1", "submit", "--json", "--", "/bin/true").out);
        assertEquals("101", n.get("jobId").asText());
        assertEquals("s1", n.get("session").asText());
    }

    @Test
    void submitThenStatusThenWait_acrossInvocations() {
        String id = fake("submit", "--", "exit", "5").out.trim();
        Cli status = fake("status", id);
        assertEquals(0, status.exitCode, status.toString());
        assertTrue(status.out.startsWith("JOBID"), status.out);
        assertTrue(status.out.lines().anyMatch(l -> l.matches(id + " +QUEUED .*")), status.out);
        Cli wait = fake("wait", id);
        assertEquals(5, wait.exitCode, wait.toString());
        assertTrue(wait.out.contains("FAILED"), wait.out);
        Cli again = fake("status", "--json", id);
        assertEquals(0, again.exitCode, again.toString());
    }

    @Test
    void status_json_arrayOfJobs() throws Exception {
        fake("submit", "--", "/bin/true");
        fake("submit", "--hold", "--", "/bin/true");
        JsonNode n = JSON.readTree(fake("status", "--json", "101", "102").out);
        assertTrue(n.isArray());
        assertEquals(2, n.size());
        assertEquals("QUEUED", n.get(0).get("state").asText());
        assertEquals("QUEUED_HELD", n.get(1).get("state").asText());
        assertTrue(n.get(0).has("finishTime"));
    }

    @Test
    void status_unknownJob_errorNamesIt() {
        Cli r = fake("status", "999");
        assertEquals(1, r.exitCode);
        assertTrue(r.err.contains("no job 999 in session drmaa2-cli"), r.err);
    }

    @Test
    void status_noIds_usageError() {
        Cli r = fake("status");
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("Missing required parameter"), r.err);
    }

    @Test
    void sessions_areSeparate() {
        fake("--session", "a", "submit", "--", "/bin/true");
        assertEquals(1, fake("--session", "b", "status", "101").exitCode);
        assertEquals(0, fake("--session", "a", "status", "101").exitCode);
    }

    @Test
    void globalOptions_acceptedBeforeOrAfterSubcommand() {
        Cli r = Cli.run("submit", "--driver", "fake", "--session", "late", "-D", "k=v", "--contact", "c1", "--", "/bin/true");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(FakeDriver.SESSIONS.containsKey("late"));
        assertEquals(Map.of("k", "v"), FakeDriver.lastProperties);
        assertEquals("c1", FakeDriver.lastContact);
    }

    @Test
    void wait_severalJobs_exitCodeOfFirstFailure() {
        fake("submit", "--", "/bin/true");
        fake("submit", "--", "exit", "7");
        fake("submit", "--", "exit", "9");
        Cli r = fake("wait", "101", "102", "103");
        assertEquals(7, r.exitCode, r.toString());
        assertEquals(4, r.out.lines().count(), r.out);
    }

    @Test
    void wait_timeout_errorSaysState() {
        fake("submit", "--hold", "--", "/bin/true");
        Cli r = fake("wait", "--timeout", "1", "101");
        assertEquals(1, r.exitCode, r.toString());
        assertTrue(r.err.contains("job 101 did not end within PT1S (state QUEUED_HELD)"), r.err);
    }

    @Test
    void wait_badTimeout_usageError() {
        Cli r = fake("wait", "--timeout", "soon", "101");
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("'soon' is not a duration"), r.err);
    }

    @Test
    void holdReleaseCancelReap() {
        fake("submit", "--", "/bin/true");
        Cli hold = Cli.run("hold", "--driver", "fake", "101");
        assertEquals(0, hold.exitCode, hold.toString());
        assertEquals("Job 101: hold done", hold.out.trim());
        assertTrue(fake("status", "101").out.contains("QUEUED_HELD"));
        assertEquals(0, fake("release", "101").exitCode);
        assertTrue(fake("status", "101").out.contains("QUEUED "));
        assertEquals(0, fake("cancel", "101").exitCode);
        assertTrue(fake("status", "101").out.contains("CANCELLED"));
        assertEquals(0, fake("reap", "101").exitCode);
        assertEquals(1, fake("status", "101").exitCode);
    }

    @Test
    void release_notHeld_errorFromDriver() {
        fake("submit", "--", "/bin/true");
        Cli r = fake("release", "101");
        assertEquals(1, r.exitCode);
        assertEquals("drmaa2: job 101 is not held", r.err.trim());
    }

    @Test
    void suspend_unsupported_errorMessage() {
        fake("submit", "--", "/bin/true");
        Cli r = fake("suspend", "101");
        assertEquals(1, r.exitCode);
        assertTrue(r.err.contains("no suspend in the fake driver"), r.err);
    }

    @Test
    void cancel_json_actions() throws Exception {
        fake("submit", "--", "sleep");
        fake("submit", "--", "sleep");
        JsonNode n = JSON.readTree(fake("cancel", "--json", "101", "102").out);
        assertEquals(2, n.size());
        assertEquals("102", n.get(1).get("jobId").asText());
        assertEquals("cancel", n.get(1).get("action").asText());
    }

    @Test
    void list_showsSessionJobs_filteredByState() throws Exception {
        fake("submit", "--", "/bin/true");
        fake("submit", "--hold", "--", "/bin/true");
        Cli all = fake("list");
        assertEquals(3, all.out.lines().count(), all.out);
        JsonNode held = JSON.readTree(fake("list", "--json", "--state", "QUEUED_HELD").out);
        assertEquals(1, held.size());
        assertEquals("102", held.get(0).get("jobId").asText());
        assertEquals(2, fake("list", "--state", "SLEEPING").exitCode);
    }

    @Test
    void list_emptySession_headerOnlyOrEmptyArray() throws Exception {
        assertEquals("JOBID  STATE  EXIT  SIGNAL  SUBSTATE  NAME", fake("list").out.trim());
        assertEquals(0, JSON.readTree(fake("list", "--json").out).size());
    }

    @Test
    void drivers_listsInstalled() throws Exception {
        Cli r = Cli.run("drivers");
        assertEquals(0, r.exitCode);
        assertTrue(r.out.contains("fake  in-memory test driver") || r.out.matches("(?s).*fake\\s+in-memory test driver.*"), r.out);
        JsonNode n = JSON.readTree(Cli.run("drivers", "--json").out);
        boolean found = false;
        for (JsonNode d : n) found |= d.get("name").asText().equals("fake") && d.get("description").asText().equals("in-memory test driver");
        assertTrue(found, n.toString());
    }

    @Test
    void unknownDriver_errorListsInstalled() {
        Cli r = Cli.run("--driver", "nosuch", "list");
        assertEquals(1, r.exitCode);
        assertTrue(r.err.contains("No drmaa2j driver named 'nosuch' is installed"), r.err);
        assertTrue(r.err.contains("fake (in-memory test driver)"), r.err);
    }

    @Test
    void badTemplateValue_usageErrorNamesOption() {
        Cli r = fake("submit", "--slots", "0", "--", "/bin/true");
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("Invalid value for --slots: minSlots: must be at least 1"), r.err);
        Cli env = fake("submit", "--env", "1X=a", "--", "/bin/true");
        assertEquals(2, env.exitCode);
        assertTrue(env.err.contains("--env"), env.err);
        assertTrue(FakeDriver.SESSIONS.isEmpty(), "nothing submitted, no session created");
    }

    @Test
    void badTime_usageError() {
        Cli r = fake("submit", "--time", "forever", "--", "/bin/true");
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("'forever' is not a duration"), r.err);
    }

    @Test
    void noSubcommand_usageError() {
        Cli r = Cli.run();
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("Missing subcommand"), r.err);
    }

    @Test
    void unknownOption_usageError() {
        assertEquals(2, fake("status", "--bogus", "1").exitCode);
    }

    @Test
    void help_and_version_exitZero() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exitCode);
        for (String sub : List.of("run", "submit", "status", "wait", "cancel", "hold", "release", "list", "drivers")) {
            assertTrue(help.out.contains("  " + sub + " "), sub + " missing in\n" + help.out);
        }
        Cli version = Cli.run("--version");
        assertEquals(0, version.exitCode);
        assertTrue(version.out.startsWith("drmaa2 (drmaa2j) "), version.out);
        assertEquals(0, Cli.run("run", "--help").exitCode);
    }

    @Test
    void verbose_errorShowsStackTrace() {
        Cli quiet = fake("status", "999");
        assertFalse(quiet.err.contains("\tat "), quiet.err);
        Cli verbose = fake("--verbose", "status", "999");
        assertEquals(1, verbose.exitCode);
        assertTrue(verbose.err.contains("InvalidArgumentException") && verbose.err.contains("\tat "), verbose.err);
    }

    @Test
    void output_onlyThroughPicocliWriters() {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(stray, true));
        try {
            fake("run", "--", "exit", "2");
            fake("submit", "--", "/bin/true");
            fake("list", "--json");
        } finally {
            System.setOut(saved);
        }
        assertEquals("", stray.toString());
    }
}
