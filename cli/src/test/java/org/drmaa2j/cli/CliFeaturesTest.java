// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file, monitoring commands, bulk submission, progress bar and completion. */
class CliFeaturesTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        FakeDriver.reset();
    }

    private static JobTemplate lastTemplate() {
        return FakeDriver.SESSIONS.get(Drmaa2Cli.DEFAULT_SESSION).values().stream()
                .reduce((a, b) -> b).orElseThrow().template();
    }

    private Map<String, String> config(String text) throws IOException {
        Path f = tmp.resolve("drmaa2.properties");
        Files.writeString(f, text);
        return Map.of(ConfigDefaults.ENV, f.toString());
    }

    @Test
    void config_setsDriverQueueAndAccount() throws Exception {
        Cli r = Cli.runWith(config("driver=fake\nqueue=q9\naccount=proj7\n"), tmp.toString(), "submit", "--", "/bin/true");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("q9", lastTemplate().getQueueName());
        assertEquals("proj7", lastTemplate().getAccountingId());
    }

    @Test
    void config_commandLineWins() throws Exception {
        Cli r = Cli.runWith(config("driver=nosuchdriver\nqueue=q9\n"), tmp.toString(),
                "--driver", "fake", "submit", "-q", "q2", "--", "/bin/true");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("q2", lastTemplate().getQueueName());
    }

    @Test
    void config_defaultLocationUnderXdgConfigHome() throws Exception {
        Path f = tmp.resolve("xdg/drmaa2j/drmaa2.properties");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "driver=fake\nsession=from-config\n");
        Cli r = Cli.runWith(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()), tmp.toString(), "submit", "--", "/bin/true");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(FakeDriver.SESSIONS.containsKey("from-config"), FakeDriver.SESSIONS.keySet().toString());
    }

    @Test
    void config_unknownKey_usageErrorNamingIt() throws Exception {
        Cli r = Cli.runWith(config("driver=fake\nparttion=x\n"), tmp.toString(), "drivers");
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("parttion") && r.err.contains("drmaa2.properties"), r.err);
    }

    @Test
    void queues_driverWithoutMonitoring_saysSo() {
        Cli r = Cli.run("--driver", "fake", "queues");
        assertEquals(1, r.exitCode, r.toString());
        assertTrue(r.err.contains("drmaa2j-fake has no monitoring session"), r.err);
    }

    @Test
    void queuesAndMachines_localDriver_listThisMachine() {
        String state = "drmaa2j.stateDir=" + tmp.resolve("state");
        Cli q = Cli.run("--driver", "local", "-D", state, "queues");
        assertEquals(0, q.exitCode, q.toString());
        assertTrue(q.out.contains("local"), q.out);
        Cli m = Cli.run("--driver", "local", "-D", state, "--json", "machines");
        assertEquals(0, m.exitCode, m.toString());
        assertTrue(m.out.contains("\"coresPerSocket\""), m.out);
    }

    @Test
    void submitArray_localDriver_printsOneIdPerTask() {
        String state = "drmaa2j.stateDir=" + tmp.resolve("state");
        Cli r = Cli.run("--driver", "local", "-D", state, "submit", "--array", "1-3", "--", "/bin/true");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(3, r.out.lines().count(), r.out);
        List<String> wait = new ArrayList<>(List.of("--driver", "local", "-D", state, "wait", "--timeout", "60"));
        r.out.lines().forEach(wait::add);
        Cli w = Cli.run(wait.toArray(String[]::new));
        assertEquals(0, w.exitCode, w.toString());
    }

    @Test
    void runArray_localDriver_waitsForAllWithProgress() {
        String state = "drmaa2j.stateDir=" + tmp.resolve("state");
        Cli r = Cli.run("--driver", "local", "-D", state, "run", "--array", "1-4:1", "--progress", "--",
                "/bin/sh", "-c", "exit 0");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.err.contains("4/4 ended"), r.err);
        assertEquals(4, r.out.lines().filter(l -> l.contains("DONE")).count(), r.out);
    }

    @Test
    void array_badRange_usageError() {
        Cli r = Cli.run("--driver", "fake", "submit", "--array", "5-2", "--", "/bin/true");
        assertEquals(2, r.exitCode, r.toString());
        assertTrue(r.err.contains("BEGIN <= END"), r.err);
    }

    @Test
    void progress_render() {
        assertEquals("[###############...............]  5/10 ended, 2 failed", Progress.render(5, 2, 10));
        assertEquals("[##############################] 3/3 ended", Progress.render(3, 0, 3));
    }

    @Test
    void tck_help_namesTheOptions() {
        Cli r = Cli.run("tck", "--help");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("--queues") && r.out.contains("--scratch") && r.out.contains("--report-dir"), r.out);
    }

    @Test
    void completion_printsBashScript() {
        Cli r = Cli.run("completion");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("complete -F") && r.out.contains("drmaa2"), r.out.substring(0, Math.min(300, r.out.length())));
    }
}
