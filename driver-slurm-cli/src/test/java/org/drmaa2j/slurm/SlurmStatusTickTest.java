// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.util.MonotonicClock;
import org.drmaa2j.tck.samples.SampleOutputs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One status tick on each release's real output: the status query asks squeue once for every job of
 * the capture, finished ones included, and needs no sacct, because squeue's exit codes are read in
 * the form that release prints. A job squeue no longer lists is asked of sacct. The runner replays
 * the captured outputs of {@code samples/slurm-<release>/} and counts the commands.
 */
class SlurmStatusTickTest {

    /** Replays captures for squeue and sacct; counts what it was asked to run. */
    private static final class Replay implements CommandRunner {
        final List<String> programs = new ArrayList<>();
        final String release;
        final String squeue;
        final AtomicInteger sacct = new AtomicInteger();

        Replay(String release, String squeue) {
            this.release = release;
            this.squeue = squeue;
        }

        @Override
        public CommandResult run(Command command) {
            List<String> argv = command.argv();
            String program = argv.get(0).equals("env") ? argv.get(2) : argv.get(0);
            programs.add(program);
            String out = switch (program) {
                case "squeue" -> argv.contains("--version") ? read(release, "squeue_version") : squeue;
                case "sacct" -> {
                    sacct.incrementAndGet();
                    yield read(release, "sacct_status");
                }
                default -> throw new AssertionError("the status query ran " + argv);
            };
            return new CommandResult(command, 0, out, "", Duration.ZERO);
        }

        @Override
        public String describe() {
            return "replay of Slurm " + release;
        }
    }

    private static String read(String release, String name) {
        String text = SampleOutputs.read(SlurmStatusTickTest.class, "slurm-" + release, name + ".txt");
        int trailer = text.indexOf("[stderr]\n");
        return trailer >= 0 ? text.substring(0, trailer) : text;
    }

    private static Map<String, String> jobs(String release) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(release, "jobs").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1).split(" ")[0]);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void everyJobTheControllerKeeps_isOneSqueue_noSacct(String release) {
        Map<String, String> jobs = jobs(release);
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, String> e : jobs.entrySet()) {
            if (e.getKey().endsWith("array")) {
                int tasks = e.getKey().equals("array") ? 3 : 2;
                for (int t = 1; t <= tasks; t++) ids.add(e.getValue() + "_" + t);
            } else {
                ids.add(e.getValue());
            }
        }
        Replay replay = new Replay(release, read(release, "squeue_status"));
        SlurmRelease rel = SlurmRelease.parse(read(release, "squeue_version"));
        SlurmStatusQuery q = new SlurmStatusQuery(replay, () -> rel);
        Map<String, JobInfo> found = q.query(ids);
        assertEquals(ids.size(), found.size(), "every job answered: " + found.keySet());
        assertEquals(List.of("squeue"), replay.programs, "one command for the tick");
        assertEquals(0, replay.sacct.get());
        assertEquals(3, found.get(jobs.get("exit3")).getExitStatus());
        assertEquals("SIGKILL", found.get(jobs.get("kill9")).getTerminatingSignal());
        assertEquals(JobState.DONE, found.get(jobs.get("done")).getJobState());
    }

    /** A runner that answers squeue with one text and anything else (sacct) with the other, noting each command. */
    private static CommandRunner squeueAndSacct(String squeue, String sacct, List<List<String>> asked) {
        return new CommandRunner() {
            @Override
            public CommandResult run(Command command) {
                asked.add(command.argv());
                return new CommandResult(command, 0, command.argv().contains("squeue") ? squeue : sacct, "", Duration.ZERO);
            }

            @Override
            public String describe() {
                return "replay";
            }
        };
    }

    @org.junit.jupiter.api.Test
    void slurm2011_arrayTaskCancelledWhilePending_isFoundThroughItsArray() {
        // 20.11 lists such a task as "2" (no task id) in squeue, and sacct --jobs=2_2 prints nothing;
        // sacct --jobs=2_2,2 holds it as 2_[2%1]
        String squeue = read("20.11", "squeue_cancelled_pending_array_task");
        List<List<String>> asked = new ArrayList<>();
        CommandRunner runner = squeueAndSacct(squeue, read("20.11", "sacct_cancelled_pending_array_task"), asked);
        SlurmRelease rel = SlurmRelease.parse("slurm-wlm 20.11.4");
        Map<String, JobInfo> found = new SlurmStatusQuery(runner, () -> rel).query(List.of("2_1", "2_2"));
        assertEquals(JobState.RUNNING, found.get("2_1").getJobState());
        assertEquals(JobState.FAILED, found.get("2_2").getJobState());
        assertEquals("CANCELLED", found.get("2_2").getJobSubState());
        assertEquals(2, asked.size(), "one squeue, one sacct");
        assertTrue(asked.get(1).contains("--jobs=2_2,2"), "the array is asked for too: " + asked.get(1));
        SlurmRelease newer = SlurmRelease.parse("slurm-wlm 22.05.8");
        assertTrue(!newer.sacctMissesCancelledPendingArrayTasks() && rel.sacctMissesCancelledPendingArrayTasks());
    }

    @org.junit.jupiter.api.Test
    void slurm2011_arrayTaskCancelledWhilePending_underTheBareArrayId_endsWithItsArrayRecord() {
        // 20.11 sometimes records such a task as "14" in sacct too; 14_1, running, has no record yet
        String squeue = read("20.11", "squeue_cancelled_pending_array_task_bare_id");
        String sacct = read("20.11", "sacct_cancelled_pending_array_task_bare_id");
        CommandRunner runner = squeueAndSacct(squeue, sacct, new ArrayList<>());
        SlurmRelease rel = SlurmRelease.parse("slurm-wlm 20.11.4");
        Map<String, JobInfo> found = new SlurmStatusQuery(runner, () -> rel).query(List.of("14_1", "14_2"));
        assertEquals(JobState.RUNNING, found.get("14_1").getJobState());
        assertEquals(JobState.FAILED, found.get("14_2").getJobState());
        assertEquals("CANCELLED", found.get("14_2").getJobSubState());
        assertEquals("14_2", found.get("14_2").getJobId());
        SlurmRelease newer = SlurmRelease.parse("slurm-wlm 22.05.8");
        Map<String, JobInfo> onNewer = new SlurmStatusQuery(runner, () -> newer).query(List.of("14_2"));
        assertTrue(onNewer.isEmpty(), "22.05 and later record the task itself; the bare id is not read for it: " + onNewer);
    }

    @org.junit.jupiter.api.Test
    void unfinishedAccountingRecord_isWaitedFor_untilTheGraceEndsOnTheQuerysClock() {
        // the form isComplete() describes: FAILED, exit code 0, no signal (slurmdbd fills the code in
        // a moment later); the row is the 22.05 sample's exit3 job with its code not yet written
        String sacct = read("22.05", "sacct_status").lines().filter(l -> l.startsWith("2|FAILED|3:0|"))
                .map(l -> l.replace("|3:0|", "|0:0|")).findFirst().orElseThrow();
        long[] now = {0};
        MonotonicClock clock = new MonotonicClock() {
            @Override
            public long nanoTime() {
                return now[0];
            }

            @Override
            public void timedWait(Object monitor, long nanos) {
                throw new AssertionError("the query never waits");
            }
        };
        SlurmRelease rel = SlurmRelease.parse("slurm-wlm 22.05.8");
        SlurmStatusQuery q = new SlurmStatusQuery(squeueAndSacct("", sacct, new ArrayList<>()), () -> rel, clock);
        assertTrue(q.query(List.of("2")).isEmpty(), "an unfinished record is not taken at once");
        now[0] = SlurmStatusQuery.ACCOUNTING_GRACE.toNanos() - 1;
        assertTrue(q.query(List.of("2")).isEmpty(), "nor within the grace");
        now[0] = SlurmStatusQuery.ACCOUNTING_GRACE.toNanos();
        JobInfo taken = q.query(List.of("2")).get("2");
        assertEquals(JobState.FAILED, taken.getJobState(), "after the grace the record is taken as it stands: " + taken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void jobsTheControllerForgot_areAskedOfSacct_once(String release) {
        Map<String, String> jobs = jobs(release);
        String exit3 = jobs.get("exit3");
        String kill9 = jobs.get("kill9");
        // the controller has purged the two finished jobs (MinJobAge): squeue lists the others only
        StringBuilder squeue = new StringBuilder();
        for (String line : read(release, "squeue_status").split("\n")) {
            String id = line.substring(0, Math.max(0, line.indexOf('|')));
            if (!id.equals(exit3) && !id.equals(kill9)) squeue.append(line).append('\n');
        }
        Replay replay = new Replay(release, squeue.toString());
        SlurmRelease rel = SlurmRelease.parse(read(release, "squeue_version"));
        Map<String, JobInfo> found = new SlurmStatusQuery(replay, () -> rel).query(List.of(exit3, kill9, jobs.get("running")));
        assertEquals(List.of("squeue", "sacct"), replay.programs);
        assertEquals(3, found.get(exit3).getExitStatus());
        assertEquals(JobState.FAILED, found.get(kill9).getJobState());
        assertEquals("SIGKILL", found.get(kill9).getTerminatingSignal());
        assertEquals(JobState.RUNNING, found.get(jobs.get("running")).getJobState());
        assertTrue(found.get(exit3).getFinishTime() != null);
    }
}
