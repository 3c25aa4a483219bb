// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Drmaa2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/drmaa2.jar} run as separate processes against the embedded local
 * driver, each invocation a new JVM, with the session store in a temporary directory.
 */
class Drmaa2JarIT {
    private static final Path JAR = Path.of("target", "drmaa2.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @BeforeAll
    static void localDriverIsBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing; it is built in the package phase");
        assumeTrue(Drmaa2.getProviders().stream().anyMatch(p -> p.getName().equals("local")),
                "driver-local provides no driver yet");
    }

    private record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Result drmaa2(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", JAR.toString(), "-D", "drmaa2j.stateDir=" + home.resolve("state")));
        cmd.addAll(List.of(args));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("drmaa2 " + String.join(" ", args) + " did not end within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void drivers_jarContainsLocalDriver() throws Exception {
        Result r = drmaa2("drivers", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        boolean local = false;
        for (JsonNode d : JSON.readTree(r.out())) local |= d.get("name").asText().equals("local");
        assertTrue(local, r.toString());
    }

    @Test
    void run_exit3_exitCode3() throws Exception {
        Result r = drmaa2("run", "--", "/bin/sh", "-c", "exit 3");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.out().contains("FAILED, exit status 3"), r.toString());
    }

    @Test
    void run_success_exitCode0() throws Exception {
        Result r = drmaa2("run", "--", "/bin/true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("DONE"), r.toString());
        assertEquals("", r.err(), "nothing on stderr by default (logging quiet)");
    }

    @Test
    void run_killedBySignal_exitCode128PlusN() throws Exception {
        Result r = drmaa2("run", "--", "/bin/sh", "-c", "kill -KILL $$");
        assertEquals(128 + 9, r.exitCode(), r.toString());
        assertTrue(r.out().contains("SIGKILL"), r.toString());
    }

    @Test
    void run_outputFile_andJson() throws Exception {
        Path output = home.resolve("job.out");
        Result r = drmaa2("run", "--json", "--output", output.toString(), "--env", "GREETING=hello from drmaa2j",
                "--", "/bin/sh", "-c", "echo \"$GREETING\"; exit 2");
        assertEquals(2, r.exitCode(), r.toString());
        JsonNode n = JSON.readTree(r.out());
        assertEquals("FAILED", n.get("state").asText());
        assertEquals(2, n.get("exitStatus").asInt());
        assertEquals(2, n.get("exitCode").asInt());
        assertEquals("hello from drmaa2j\n", Files.readString(output));
    }

    @Test
    void submitStatusWait_acrossInvocations() throws Exception {
        Result submit = drmaa2("--session", "e2e", "submit", "--", "/bin/sh", "-c", "sleep 1; exit 4");
        assertEquals(0, submit.exitCode(), submit.toString());
        String id = submit.out().trim();
        assertFalse(id.isEmpty() || id.contains("\n"), submit.toString());

        Result status = drmaa2("--session", "e2e", "status", "--json", id);
        assertEquals(0, status.exitCode(), status.toString());
        assertEquals(id, JSON.readTree(status.out()).get(0).get("jobId").asText());

        Result wait = drmaa2("--session", "e2e", "wait", "--timeout", "60", id);
        assertEquals(4, wait.exitCode(), wait.toString());
        assertTrue(wait.out().contains("FAILED"), wait.toString());

        Result list = drmaa2("--session", "e2e", "list");
        assertTrue(list.out().contains(id), list.toString());
        assertEquals(0, drmaa2("--session", "e2e", "reap", id).exitCode());
        Result gone = drmaa2("--session", "e2e", "status", id);
        assertEquals(1, gone.exitCode(), gone.toString());
        assertTrue(gone.err().contains("no job " + id), gone.toString());
    }

    @Test
    void status_jobSubmittedByEarlierInvocation_seenRunning() throws Exception {
        String id = drmaa2("submit", "--", "/bin/sleep", "30").out().trim();
        try {
            String state = "";
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // a safety cap: it runs within a second
            while (!state.equals("RUNNING") && System.nanoTime() < giveUp) {
                Result status = drmaa2("status", "--json", id);
                assertEquals(0, status.exitCode(), status.toString());
                state = JSON.readTree(status.out()).get(0).get("state").asText();
                if (!state.equals("RUNNING")) Thread.sleep(200);
            }
            assertEquals("RUNNING", state, "a started job is RUNNING when a later invocation looks");
        } finally {
            drmaa2("cancel", id);
        }
    }

    @Test
    void cancel_runningJob_endsFailed() throws Exception {
        String id = drmaa2("submit", "--", "/bin/sleep", "60").out().trim();
        Result cancel = drmaa2("cancel", id);
        assertEquals(0, cancel.exitCode(), cancel.toString());
        Result wait = drmaa2("wait", "--timeout", "30", id);
        assertNotEquals(0, wait.exitCode(), wait.toString());
        assertTrue(wait.out().contains("FAILED"), wait.toString());
    }

    @Test
    void submitHeld_release_runs() throws Exception {
        String id = drmaa2("submit", "--hold", "--", "/bin/true").out().trim();
        Result held = drmaa2("status", "--json", id);
        assertEquals("QUEUED_HELD", JSON.readTree(held.out()).get(0).get("state").asText(), held.toString());
        Result release = drmaa2("release", id);
        assertEquals(0, release.exitCode(), release.toString());
        Result wait = drmaa2("wait", "--timeout", "30", id);
        assertEquals(0, wait.exitCode(), wait.toString());
        assertTrue(wait.out().contains("DONE"), wait.toString());
    }

    @Test
    void wait_timeout_errorExit1() throws Exception {
        String id = drmaa2("submit", "--", "/bin/sleep", "30").out().trim();
        Result wait = drmaa2("wait", "--timeout", "1", id);
        assertEquals(1, wait.exitCode(), wait.toString());
        assertTrue(wait.err().contains("did not end within"), wait.toString());
        drmaa2("cancel", id);
    }

    @Test
    void unknownDriver_exit1WithInstalledList() throws Exception {
        Result r = drmaa2("--driver", "nosuch", "list");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Installed: ") && r.err().contains("local (") && r.err().contains("slurm ("), r.toString());
    }

    @Test
    void usageError_exit2() throws Exception {
        assertEquals(2, drmaa2("run").exitCode());
    }
}
