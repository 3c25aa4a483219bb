// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.util.Signals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job supervisor's protocol, against the real script: starts, ends, refusals, failures, survival. */
class JobSupervisorTest {
    /** A safety cap on each wait: a job here takes well under a second on an idle machine. */
    private static final long CAP_SECONDS = 120;

    @TempDir
    Path tmp;
    private JobSupervisor sup;

    @BeforeEach
    void install() {
        sup = SupervisorScript.install(tmp.resolve("bin")).supervisor();
    }

    @AfterEach
    void letGo() {
        sup.close();
    }

    private JobSupervisor.Request sh(String marker, String script, String... args) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, "job"));
        argv.addAll(List.of(args));
        return request(marker, tmp, null, argv);
    }

    private JobSupervisor.Request request(String marker, Path dir, Path input, List<String> argv) {
        return new JobSupervisor.Request(tmp.resolve(marker), dir, input, null, null, false, Map.of(), argv);
    }

    private JobSupervisor.End ended(JobSupervisor.Started s) throws Exception {
        assertFalse(s.refused());
        return s.end().get(CAP_SECONDS, TimeUnit.SECONDS);
    }

    private CompletionMarker marker(String name) throws IOException {
        Optional<CompletionMarker> m = CompletionMarker.read(tmp.resolve(name));
        assertTrue(m.isPresent(), name + " was written");
        return m.get();
    }

    @Test
    void exitStatus_isRecorded_beforeTheEndIsReported() throws Exception {
        JobSupervisor.End e = ended(sup.start(sh("m.exit", "exit 3")));
        assertTrue(e.recorded());
        CompletionMarker m = marker("m.exit");
        assertEquals(3, m.exitStatus());
        assertEquals(0, m.signal());
        assertTrue(m.start() != null && m.end() != null && !m.end().isBefore(m.start()), m.toString());
        assertTrue(m.cpu() != null, m.toString());
    }

    @Test
    void exit137_isAnExitStatus_andAKillIsASignal() throws Exception {
        ended(sup.start(sh("a.exit", "exit 137")));
        assertEquals(137, marker("a.exit").exitStatus());
        assertEquals(0, marker("a.exit").signal());
        ended(sup.start(sh("b.exit", "kill -9 $$")));
        assertNull(marker("b.exit").exitStatus());
        assertEquals(Signals.SIGKILL, marker("b.exit").signal());
    }

    @Test
    void cpuTime_countsTheJobAndItsWaitedForChildren() throws Exception {
        String busy = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";
        ended(sup.start(sh("own.exit", busy)));
        ended(sup.start(sh("child.exit", "/bin/sh -c \"$1\"; exit 0", busy)));
        assertTrue(marker("own.exit").cpu().toMillis() > 0, marker("own.exit").toString());
        assertTrue(marker("child.exit").cpu().toMillis() > 0, "the child's time counts: " + marker("child.exit"));
    }

    @Test
    void theJob_leadsItsOwnProcessGroup_withDefaultSignals() throws Exception {
        Path out = tmp.resolve("out");
        JobSupervisor.Started s = sup.start(new JobSupervisor.Request(tmp.resolve("g.exit"), tmp, null, out, null, true, Map.of(),
                List.of("/bin/sh", "-c", "set -- $(cat /proc/$$/stat); echo $5; grep -E '^Sig(Ign|Blk):' /proc/$$/status")));
        ended(s);
        List<String> lines = Files.readAllLines(out);
        assertEquals(Long.toString(s.pid()), lines.get(0), "the job's group is its own pid");
        for (String l : lines.subList(1, lines.size())) {
            long mask = Long.parseUnsignedLong(l.substring(l.indexOf(':') + 1).trim(), 16);
            long termIntHup = (1L << (Signals.SIGTERM - 1)) | (1L << (Signals.SIGINT - 1)) | (1L << (Signals.SIGHUP - 1));
            assertEquals(0, mask & termIntHup, "TERM, INT and HUP are neither ignored nor blocked in the job: " + l);
        }
    }

    @Test
    void missingProgram_badDirectory_unreadableInput_failToStart_naming_theReason() throws Exception {
        IOException e = assertThrows(IOException.class, () -> sup.start(request("p.exit", tmp, null, List.of("/nonexistent/program"))));
        assertTrue(e.getMessage().contains("/nonexistent/program") && e.getMessage().contains("No such file"), e.getMessage());
        e = assertThrows(IOException.class, () -> sup.start(request("d.exit", tmp.resolve("no-dir"), null, List.of("/bin/true"))));
        assertTrue(e.getMessage().contains("working directory " + tmp.resolve("no-dir")), e.getMessage());
        Path locked = Files.writeString(tmp.resolve("locked"), "x");
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        if (!Files.isReadable(locked)) { // root reads anything
            e = assertThrows(IOException.class, () -> sup.start(request("i.exit", tmp, locked, List.of("/bin/true"))));
            assertTrue(e.getMessage().contains("input file " + locked) && e.getMessage().contains("Permission denied"), e.getMessage());
        }
        e = assertThrows(IOException.class, () -> sup.start(request("n.exit", tmp, tmp.resolve("no-input"), List.of("/bin/true"))));
        assertTrue(e.getMessage().contains("input file " + tmp.resolve("no-input")), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("p.exit")), "a job that never ran has no record");
        assertTrue(ended(sup.start(sh("after.exit", "exit 0"))).recorded(), "the supervisor runs on");
    }

    @Test
    void secondStartOfAJob_isRefused_andRunsNothing() throws Exception {
        Path ledger = tmp.resolve("ledger");
        ended(sup.start(sh("once.exit", "echo ran >> \"$1\"", ledger.toString())));
        Files.delete(tmp.resolve("once.exit"));
        JobSupervisor.Started again = sup.start(sh("once.exit", "echo ran >> \"$1\"", ledger.toString()));
        assertTrue(again.refused());
        assertEquals(List.of("ran"), Files.readAllLines(ledger));
        assertFalse(Files.exists(tmp.resolve("once.exit")), "the refused start writes no record");
        String started = Files.readString(tmp.resolve("once.exit.started")).trim();
        assertTrue(started.matches("\\d+"), "the first start's pid: " + started);
    }

    @Test
    void theMarker_isWrittenBeforeTheJobIsReaped() throws Exception {
        for (int i = 0; i < 20; i++) {
            String name = "r" + i + ".exit";
            JobSupervisor.Started s = sup.start(sh(name, i % 2 == 0 ? "exit 0" : "exec /bin/sleep 0.1"));
            awaitReaped(s.pid()); // followed from outside, not as its parent
            assertTrue(Files.exists(tmp.resolve(name)), "pid " + s.pid() + " is reaped, so its record exists");
            ended(s);
        }
    }

    /** Waits until the process's {@code /proc} entry is gone: reaped (the JDK may count a zombie as gone already). */
    private static void awaitReaped(long pid) throws InterruptedException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long cap = System.nanoTime() + TimeUnit.SECONDS.toNanos(CAP_SECONDS); // a safety cap, not a measure
        while (Files.exists(proc)) {
            if (System.nanoTime() > cap) throw new AssertionError("pid " + pid + " not reaped");
            Thread.sleep(2);
        }
    }

    @Test
    void supervisor_outlivesItsManager_andRecordsTheEnd() throws Exception {
        Path go = tmp.resolve("go");
        JobSupervisor.Started s = sup.start(sh("late.exit", "while [ ! -e \"$1\" ]; do /bin/sleep 0.05; done; exit 5", go.toString()));
        long supervisor = sup.pid();
        ProcessSignals.signalProcess(supervisor, Signals.SIGTERM);
        ProcessSignals.signalProcess(supervisor, Signals.SIGHUP);
        ProcessHandle h = ProcessHandle.of(supervisor).orElseThrow(() -> new AssertionError("TERM or HUP stopped the supervisor"));
        sup.close(); // its input ends, as when this JVM dies
        Files.createFile(go);
        h.onExit().get(CAP_SECONDS, TimeUnit.SECONDS); // it leaves once its last job is recorded
        assertEquals(5, marker("late.exit").exitStatus());
        assertTrue(s.end().get(CAP_SECONDS, TimeUnit.SECONDS).recorded());
    }

    @Test
    void killedSupervisor_endsItsWatches_unrecorded_andTheNextStartSpawnsANewOne() throws Exception {
        Path go = tmp.resolve("go");
        JobSupervisor.Started s = sup.start(sh("orphan.exit", "while [ ! -e \"$1\" ]; do /bin/sleep 0.05; done", go.toString()));
        long first = sup.pid();
        ProcessSignals.signalProcess(first, Signals.SIGKILL);
        JobSupervisor.End e = s.end().get(CAP_SECONDS, TimeUnit.SECONDS);
        assertFalse(e.recorded());
        assertTrue(ProcessHandle.of(s.pid()).isPresent(), "the job runs on in its own group");
        assertTrue(ended(sup.start(sh("next.exit", "exit 0"))).recorded());
        assertNotEquals(first, sup.pid());
        Files.createFile(go);
        assertFalse(Files.exists(tmp.resolve("orphan.exit")));
    }

    @Test
    void nulInAnArgument_isRefusedBeforeAnythingRuns() {
        IOException e = assertThrows(IOException.class, () -> sup.start(sh("nul.exit", "exit 0", "a\0b")));
        assertTrue(e.getMessage().contains("null character"), e.getMessage());
        assertEquals(0, sup.pid(), "nothing was sent");
    }
}
