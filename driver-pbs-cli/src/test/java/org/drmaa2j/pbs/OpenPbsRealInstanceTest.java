// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.JobRecord;
import org.junit.jupiter.api.Test;

/**
 * What a real OpenPBS 23.06.06 did when the conformance kit first ran against it, each defect
 * pinned to its verbatim capture ({@code openpbs2306_real_*}): arrays refused for {@code -r n},
 * a SIGKILLed command reported as exit 137, subjobs that cannot be held one by one, obittime later
 * than the next task's start, and qdel of a job that is already ending.
 */
class OpenPbsRealInstanceTest {
    private static final String REFUSED = "openpbs2306_real_qsub_array_r_n_refused.txt";
    private static final String KILLED = "openpbs2306_real_qstat_json_killed_by_SIGKILL_exit137.txt";
    private static final String MAX_PARALLEL = "openpbs2306_real_qstat_json_maxparallel1_obittime_after_next_stime.txt";
    private static final String SUBJOB_HOLD = "openpbs2306_real_qrls_qhold_subjob_invalid_request.txt";
    private static final String QDEL = "openpbs2306_real_qdel_exiting_or_finished_subjob.txt";
    private static final String BEFORE_STIME = "openpbs2306_real_qstat_json_running_before_stime.txt";
    private static final String EXIT_DIR = "/home/drmaa/.drmaa2j/pbs/exit";

    private static PbsSubmitCommand submit(PbsDialect d) {
        return new PbsSubmitCommand(ScriptRenderer.forDriver("pbs", PbsProvider.TEMPLATE, PbsProvider.class, Map.of()), d,
                "/home/drmaa", EXIT_DIR, ZoneOffset.UTC);
    }

    private static String script(Command c) {
        return new String(c.stdin(), StandardCharsets.UTF_8);
    }

    private static JobRecord rec(String id, String arrayId) {
        return new JobRecord(id, "s", arrayId, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId(id).jobState(JobState.RUNNING).build(), Map.of());
    }

    private static CommandResult result(Samples.Step s) {
        return new CommandResult(Command.of(s.command().split(" ")), s.rc(), s.stdout(), s.stderr(), Duration.ZERO);
    }

    // ---- arrays and -r n ------------------------------------------------------------------------

    @Test
    void bulkJob_isRerunnable_theOneLineOpenPbsRefusedIsGone() {
        Samples.Step refused = Samples.command(REFUSED, "qsub");
        assertEquals(1, refused.rc());
        assertTrue(refused.stderr().contains("cannot submit non-rerunable Array Job"), refused.stderr());
        String captured = Samples.stdinOf(REFUSED, "qsub");
        assertTrue(captured.contains("#PBS -r n\n#PBS -J 1-2\n"), captured);

        JobTemplate t = JobTemplate.builder("/bin/echo").args("drmaa2j-tck").workingDirectory("/home/drmaa").build();
        String ours = script(submit(PbsDialect.PBSPRO).build(t, new BulkRange(1, 2, 1, 0)));
        // the script's body has changed since the capture (the completion tail); its directives have not
        String directives = captured.substring(0, captured.indexOf("DRMAA2J_INDEX="));
        assertEquals(directives.replace("#PBS -r n\n", "#PBS -r y\n"), ours.substring(0, ours.indexOf("DRMAA2J_INDEX=")),
                "the script OpenPBS refused, with only its -r n turned into -r y");
        assertTrue(ours.contains("\ndrmaa2j_run /bin/echo drmaa2j-tck\n"), ours);
    }

    @Test
    void bulkJob_explicitlyNotRerunnable_refusedNamingRerunnable_onOpenPbsOnly() {
        JobTemplate no = JobTemplate.builder("/bin/true").rerunnable(false).build();
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> submit(PbsDialect.PBSPRO).checkBulk(no));
        assertEquals("rerunnable", e.getAttribute());
        assertThrows(UnsupportedAttributeException.class, () -> submit(PbsDialect.PBSPRO).build(no, new BulkRange(1, 2, 1, 0)));
        assertTrue(script(submit(PbsDialect.PBSPRO).build(no, null)).contains("\n#PBS -r n\n"), "a single job may be not rerunnable");
        assertTrue(script(submit(PbsDialect.PBSPRO).build(JobTemplate.builder("/bin/true").build(), null)).contains("\n#PBS -r n\n"),
                "unset: a single job stays not rerunnable, as before");
        submit(PbsDialect.TORQUE).checkBulk(no);
        assertTrue(script(submit(PbsDialect.TORQUE).build(no, new BulkRange(1, 2, 1, 0))).contains("\n#PBS -r n\n"));
    }

    // ---- signals and end times -------------------------------------------------------------------

    private static Map<String, JobInfo> status(String sample, String command, String exitFiles, JobRecord... jobs) {
        Samples.Step qstat = Samples.command(sample, command);
        ScriptedRunner r = new ScriptedRunner().on("qstat", 0, qstat.stdout(), "").on("sh", 0, exitFiles, "");
        return new PbsStatusQuery(r, PbsDialect.PBSPRO, ZoneOffset.UTC, new ExitFiles(r, EXIT_DIR), new SlurmTaskIds())
                .query(List.of(jobs));
    }

    @Test
    void commandKilledBySigkill_exit137_theExitFileSaysSignal9_andWins() {
        String cmd = "qstat -f -F json -x -t 83.pbshost 82.pbshost 81.pbshost";
        String script = Samples.stdinOf("openpbs2306_real_qsub_script_kill_self.txt", "qsub");
        assertTrue(script.contains("/bin/sh -c 'kill -s \"$1\" $$; sleep 5' sh KILL"), script);
        Map<String, JobInfo> seen = status(KILLED, cmd, "==82.pbshost\nexit=\nsignal=9\nend=1796543868\n"
                + "==81.pbshost\nexit=0\nsignal=0\nend=1796543868\n",
                rec("83.pbshost", null), rec("82.pbshost", null), rec("81.pbshost", null));
        JobInfo killed = seen.get("82.pbshost");
        assertEquals(JobState.FAILED, killed.getJobState());
        assertNull(killed.getExitStatus());
        assertEquals("SIGKILL", killed.getTerminatingSignal());
        assertEquals(Instant.ofEpochSecond(1796543868), killed.getFinishTime());
        assertEquals(JobState.DONE, seen.get("81.pbshost").getJobState());
        assertEquals(Instant.ofEpochSecond(1796543868), seen.get("81.pbshost").getFinishTime(), "the exit file's end");
        assertEquals(JobState.DONE, seen.get("83.pbshost").getJobState(), "no exit file: qstat's word");

        JobInfo without = status(KILLED, cmd, "", rec("82.pbshost", null)).get("82.pbshost");
        assertEquals(137, without.getExitStatus(), "without an exit file, the scheduler's exit status stands");
        assertNull(without.getTerminatingSignal());
    }

    @Test
    void completionTailReraisesTheSignal_openPbsStillReports128PlusN_theExitFileAndMarkerSayTheSignal() {
        String tail = "openpbs2306_real_completion_tail_signal_exit_status.txt";
        String script = Samples.stdinOf(tail, "qsub");
        assertTrue(script.contains("\ndrmaa2j_run /bin/sh -c 'kill -9 $$'\n") && script.contains("    kill -\"$DRMAA2J_SIGNAL\" $$\n"),
                "the command runs as the script's child and the tail ends the script by the command's signal: " + script);
        String cmd = "qstat -f -F json -x -t 4190.pbshost 4191.pbshost 4192.pbshost 4193.pbshost";
        Map<String, Map<String, String>> raw = QstatOutput.json(Samples.command(tail, cmd).stdout(), "Jobs");
        // a script that died of signal N is not 256+N on OpenPBS 23.06: the re-raise changes nothing there
        assertEquals(List.of("137", "7", "255", "143"), List.of("4190", "4191", "4192", "4193").stream()
                .map(id -> raw.get(id + ".pbshost").get("Exit_status")).toList());
        Samples.Step bare = Samples.command("openpbs2306_real_qsub_script_killed_itself_exit137.txt", "qstat -x -f 4208.pbshost");
        assertTrue(bare.stdout().contains("\n    Exit_status = 137\n"), "a bare script killing its own shell: 137 too");
        assertEquals(137, PbsExitStatus.decode("137").exitStatus(), "without an exit file or marker, 137 stands");

        String killed = Samples.command(tail, "cat 4190.pbshost").stdout();
        String termed = Samples.command(tail, "cat 4193.pbshost").stdout();
        assertEquals("exit=\nsignal=9\nend=1796583330\n", killed);
        Map<String, JobInfo> seen = status(tail, cmd, "==4190.pbshost\n" + killed + "==4193.pbshost\n" + termed,
                rec("4190.pbshost", null), rec("4191.pbshost", null), rec("4192.pbshost", null), rec("4193.pbshost", null));
        JobInfo k = seen.get("4190.pbshost");
        assertEquals(JobState.FAILED, k.getJobState());
        assertNull(k.getExitStatus());
        assertEquals("SIGKILL", k.getTerminatingSignal());
        assertEquals(Instant.ofEpochSecond(1796583330), k.getFinishTime());
        assertNull(seen.get("4193.pbshost").getExitStatus());
        assertEquals("SIGTERM", seen.get("4193.pbshost").getTerminatingSignal());
        assertEquals(7, seen.get("4191.pbshost").getExitStatus(), "no exit file: qstat's word");
        assertEquals(JobState.FAILED, seen.get("4192.pbshost").getJobState());
        assertEquals(255, seen.get("4192.pbshost").getExitStatus(), "255 is no shell status of a signal");
        assertNull(seen.get("4192.pbshost").getTerminatingSignal());

        // the session's marker, read by the generic layer, settles qstat's 137 the same way
        JobInfo reported = JobInfo.builder().jobId("4190.pbshost").jobState(JobState.FAILED).exitStatus(137).build();
        JobInfo settled = org.drmaa2j.spi.store.CompletionMarker.parse(killed).settle(reported);
        assertNull(settled.getExitStatus());
        assertEquals("SIGKILL", settled.getTerminatingSignal());
        assertEquals(Instant.ofEpochSecond(1796583330), settled.getFinishTime());
        JobInfo exit2 = org.drmaa2j.spi.store.CompletionMarker.parse(Samples.command(tail, "cat e2ce261f8035.9b0dbfcb474b.2.exit").stdout())
                .settle(JobInfo.builder().jobId("4194[2].pbshost").jobState(JobState.FAILED).exitStatus(2).build());
        assertEquals(2, exit2.getExitStatus());
        assertNull(exit2.getTerminatingSignal());
    }

    @Test
    void maxParallelOne_eachTaskEndsBeforeTheNextStarts_thoughObittimeSaysOtherwise() {
        String cmd = "qstat -x -t -f -F json 231[].pbshost";
        Map<String, Map<String, String>> raw = QstatOutput.json(Samples.command(MAX_PARALLEL, cmd).stdout(), "Jobs");
        Instant obit2 = PbsTimes.parse(raw.get("231[2].pbshost").get("obittime"), ZoneOffset.UTC);
        Instant stime3 = PbsTimes.parse(raw.get("231[3].pbshost").get("stime"), ZoneOffset.UTC);
        assertTrue(obit2.isAfter(stime3), "the capture shows the defect: task 2's obittime after task 3's start");

        Map<String, JobInfo> seen = status(MAX_PARALLEL, cmd, "", rec("231[1].pbshost", "231[].pbshost"),
                rec("231[2].pbshost", "231[].pbshost"), rec("231[3].pbshost", "231[].pbshost"));
        for (int i = 1; i < 3; i++) {
            JobInfo task = seen.get("231[" + i + "].pbshost");
            JobInfo next = seen.get("231[" + (i + 1) + "].pbshost");
            assertFalse(task.getFinishTime().isAfter(next.getDispatchTime()),
                    () -> task.getJobId() + " ends " + task.getFinishTime() + ", after " + next.getJobId() + " starts " + next.getDispatchTime());
            assertTrue(task.getFinishTime().isAfter(task.getDispatchTime()));
        }
        assertEquals(Instant.parse("2026-12-06T08:02:18Z"), seen.get("231[2].pbshost").getFinishTime(), "stime 08:02:17 + 1 s used");

        Map<String, JobInfo> marked = status(MAX_PARALLEL, cmd, "==231[2].pbshost\nexit=0\nsignal=0\nend=1796544137\n",
                rec("231[2].pbshost", "231[].pbshost"));
        assertEquals(Instant.ofEpochSecond(1796544137), marked.get("231[2].pbshost").getFinishTime(), "the exit file's end= first");
    }

    // ---- hold and release of array tasks ---------------------------------------------------------

    @Test
    void holdOrReleaseOfOneSubjob_refusedBeforeAnythingIsSent_theArrayIsControlledByItsArrayId() {
        Samples.Step qrls = Samples.command(SUBJOB_HOLD, "qrls 215\\[1\\].pbshost");
        assertEquals(156, qrls.rc());
        assertEquals("qrls: Invalid request 215[1].pbshost\n", qrls.stderr());
        assertEquals(156, Samples.command(SUBJOB_HOLD, "qhold 340\\[2\\].pbshost").rc());

        ScriptedRunner r = new ScriptedRunner().on("qrls", 0, "", "").on("qhold", 0, "", "");
        PbsControl control = new PbsControl(CliCommands.onPath(r), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> null);
        OperationUnsupportedException e = assertThrows(OperationUnsupportedException.class,
                () -> control.control(rec("215[1].pbshost", "215[].pbshost"), JobAction.RELEASE));
        assertTrue(e.getMessage().contains("only as a whole") && e.getMessage().contains("215[].pbshost"), e.getMessage());
        assertThrows(OperationUnsupportedException.class, () -> control.control(rec("340[2].pbshost", "340[].pbshost"), JobAction.HOLD));
        assertTrue(r.commands.isEmpty(), "nothing was sent for one subjob");

        List<JobRecord> tasks = List.of(rec("215[1].pbshost", "215[].pbshost"), rec("215[2].pbshost", "215[].pbshost"));
        Optional<List<JobInfo>> released = control.controlArray("215[].pbshost", tasks, JobAction.RELEASE);
        assertEquals(List.of(List.of("qrls", "215[].pbshost")), r.commands.stream().map(Command::argv).toList());
        assertEquals(List.of(JobState.QUEUED, JobState.QUEUED), released.orElseThrow().stream().map(JobInfo::getJobState).toList());
        control.controlArray("215[].pbshost", tasks, JobAction.HOLD);
        assertEquals(List.of("qhold", "215[].pbshost"), r.commands.get(1).argv());
        assertTrue(control.controlArray("215[].pbshost", tasks, JobAction.SUSPEND).isEmpty(), "suspend goes task by task");
        assertTrue(new PbsControl(CliCommands.onPath(r), PbsDialect.TORQUE, new SlurmTaskIds(), j -> null)
                .controlArray("215[].pbshost", tasks, JobAction.HOLD).isEmpty(), "only OpenPBS/PBS Pro controls arrays as a whole");
    }

    // ---- terminate of a job that is already ending ----------------------------------------------

    @Test
    void qdelOfAnExitingJobOrFinishedSubjob_isAlreadyGone() {
        Samples.Step finishedSubjob = Samples.command(QDEL, "qdel 234\\[1\\].pbshost");
        assertEquals(55, finishedSubjob.rc());
        assertTrue(PbsControl.ERRORS.isAlreadyGone(result(finishedSubjob)));
        Samples.Step exiting = Samples.command(QDEL, "qdel 252.pbshost");
        assertEquals(168, exiting.rc());
        assertFalse(PbsControl.ERRORS.isAlreadyGone(result(exiting)), "rc 168 alone does not say the job is exiting");
        assertTrue(PbsControl.isBadState(result(exiting)));

        JobRecord job = rec("252.pbshost", null);
        ScriptedRunner r = new ScriptedRunner().on("qdel", exiting.rc(), exiting.stdout(), exiting.stderr());
        JobInfo inE = JobInfo.builder().jobId("252.pbshost").jobState(JobState.RUNNING).jobSubState("E").build();
        assertNull(new PbsControl(CliCommands.onPath(r), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> inE).control(job, JobAction.TERMINATE),
                "exiting: nothing to do, the next poll sees the end");
        JobInfo ended = JobInfo.builder().jobId("252.pbshost").jobState(JobState.DONE).jobSubState("F").exitStatus(0).build();
        assertEquals(ended, new PbsControl(CliCommands.onPath(r), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> ended).control(job, JobAction.TERMINATE));
        JobInfo running = JobInfo.builder().jobId("252.pbshost").jobState(JobState.RUNNING).jobSubState("R").build();
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> new PbsControl(CliCommands.onPath(r), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> running).control(job, JobAction.TERMINATE));
        assertTrue(e.getMessage().contains("Request invalid for state of job"), e.getMessage());

        ScriptedRunner sub = new ScriptedRunner().on("qdel", finishedSubjob.rc(), finishedSubjob.stdout(), finishedSubjob.stderr());
        assertNull(new PbsControl(CliCommands.onPath(sub), PbsDialect.PBSPRO, new SlurmTaskIds(), j -> running)
                .control(rec("234[1].pbshost", "234[].pbshost"), JobAction.TERMINATE));
    }

    // ---- a job shown running before its start time ----------------------------------------------

    @Test
    void aJobSentForExecution_isRunning_dispatchedWhenSent_beforeTheNodeReportsItsStime() {
        String cmd = "qstat -f -F json 8208.pbshost";
        String sent = Samples.command(BEFORE_STIME, cmd).stdout();
        assertFalse(sent.contains("\"stime\""), "the capture shows R without stime");
        JobInfo early = PbsJobRows.toJobInfo("8208.pbshost", QstatOutput.jobsJson(sent).get("8208.pbshost"), PbsDialect.PBSPRO, ZoneOffset.UTC);
        assertEquals(JobState.RUNNING, early.getJobState());
        assertEquals(Instant.parse("2026-12-07T02:31:27Z"), early.getDispatchTime(), "sent for execution: its mtime");

        String text = Samples.read(BEFORE_STIME);
        String second = text.substring(text.indexOf("$ " + cmd, text.indexOf("--- rc=")));
        String run = second.substring(second.indexOf("--- stdout\n") + 11, second.indexOf("--- stderr"));
        JobInfo later = PbsJobRows.toJobInfo("8208.pbshost", QstatOutput.jobsJson(run).get("8208.pbshost"), PbsDialect.PBSPRO, ZoneOffset.UTC);
        assertEquals(JobState.RUNNING, later.getJobState());
        assertEquals(Instant.parse("2026-12-07T02:31:27Z"), later.getDispatchTime(), "its stime, once the node reported it");
    }
}
