// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend inside the generic session layer, against a scripted OpenPBS whose qstat prints the
 * real 23.06 JSON with the job state the test chooses.
 */
class PbsBackendFlowTest {
    @TempDir
    Path tmp;
    private GenericSessionManager sm;
    private final Map<String, String[]> jobs = new ConcurrentHashMap<>(); // id -> {state, exit status}
    private final ScriptedRunner runner = new ScriptedRunner();
    private int next = 7;

    private String json(String id) {
        String[] s = jobs.get(id);
        return "        \"" + id + "\":{\n            \"Job_Name\":\"flow\",\n            \"job_state\":\"" + s[0] + "\",\n"
                + "            \"queue\":\"workq\",\n            \"qtime\":\"Sat Nov 21 22:09:25 2026\",\n"
                + (s[1] == null ? "" : "            \"Exit_status\":" + s[1] + ",\n")
                + "            \"substate\":10\n        }";
    }

    private void open() {
        open(Map.of());
    }

    private void open(Map<String, String> more) {
        runner.on("qstat", c -> {
            if (c.argv().contains("--version")) return new CommandResult(c, 0, "pbs_version = 23.06.06\n", "", Duration.ZERO);
            StringBuilder sb = new StringBuilder("{\n    \"pbs_version\":\"23.06.06\",\n    \"Jobs\":{\n");
            boolean first = true;
            for (String id : c.argv().subList(6, c.argv().size())) {
                for (String known : jobs.keySet()) {
                    if (known.equals(id) || (id.contains("[]") && known.startsWith(id.substring(0, id.indexOf('['))) && known.contains("["))) {
                        sb.append(first ? "" : ",\n").append(json(known));
                        first = false;
                    }
                }
            }
            return new CommandResult(c, 0, sb.append("\n    }\n}\n").toString(), "", Duration.ZERO);
        });
        runner.on("printenv", 0, "/home/u\n", "");
        runner.on("sh", 0, "", "");
        runner.on("qsub", c -> {
            String script = new String(c.stdin(), StandardCharsets.UTF_8);
            String state = script.contains("\n#PBS -h\n") ? "H" : "Q";
            String id = (next++) + ".pbshost";
            int j = script.indexOf("#PBS -J ");
            if (j >= 0 && script.contains("\n#PBS -r n\n")) {
                // what OpenPBS 23.06 answers (openpbs2306_real_qsub_array_r_n_refused.txt)
                Samples.Step refused = Samples.command("openpbs2306_real_qsub_array_r_n_refused.txt", "qsub");
                return new CommandResult(c, refused.rc(), refused.stdout(), refused.stderr(), Duration.ZERO);
            }
            if (j >= 0) {
                String range = script.substring(j + 8, script.indexOf('\n', j));
                String arrayId = id.replace(".", "[].");
                String[] be = range.split("[-:%]");
                long step = range.contains(":") ? Long.parseLong(be[2]) : 1;
                for (long i = Long.parseLong(be[0]); i <= Long.parseLong(be[1]); i += step) {
                    jobs.put(QsubOutput.taskId(arrayId, i), new String[] {state, null});
                }
                return new CommandResult(c, 0, arrayId + "\n", "", Duration.ZERO);
            }
            jobs.put(id, new String[] {state, null});
            return new CommandResult(c, 0, id + "\n", "", Duration.ZERO);
        });
        runner.on("qrls", c -> {
            jobs.put(c.argv().get(1), new String[] {"R", null});
            return new CommandResult(c, 0, "", "", Duration.ZERO);
        });
        Map<String, String> props = new HashMap<>(Map.of("drmaa2j.stateDir", tmp.toString(), "drmaa2j.poll.fastMillis", "50",
                "drmaa2j.poll.slowMillis", "100", PbsTimes.ZONE_PROPERTY, "UTC", PbsProvider.EXIT_DIRECTORY, tmp.resolve("exit").toString()));
        props.putAll(more);
        sm = new GenericSessionManager("pbs", props, ctx -> new PbsBackend(new CliContext(ctx, runner,
                ScriptRenderer.forDriver("pbs", PbsProvider.TEMPLATE, PbsProvider.class, props), props)));
    }

    @AfterEach
    void close() {
        if (sm != null) sm.close();
    }

    @Test
    void heldJob_releasedRunsAndEndsDone() {
        open();
        assertEquals("OpenPBS/PBS Pro", sm.getDrmsName());
        assertEquals("23", sm.getDrmsVersion().major());
        JobSession s = sm.createJobSession("flow", null);
        Job job = s.runJob(JobTemplate.builder("/bin/true").jobName("flow").submitAsHold(true).build());
        assertEquals("7.pbshost", job.getJobId());
        assertEquals(JobState.QUEUED_HELD, job.getState());
        job.release();
        jobs.put("7.pbshost", new String[] {"F", "0"});
        job.waitTerminated(Duration.ofSeconds(10));
        assertEquals(JobState.DONE, job.getState());
        assertEquals(0, job.getJobInfo().getExitStatus());
        assertEquals(Instant.parse("2026-11-21T22:09:25Z"), job.getJobInfo().getSubmissionTime());
        assertTrue(runner.commands.stream().anyMatch(c -> c.argv().equals(List.of("qrls", "7.pbshost"))));
    }

    @Test
    void bulkJob_isOneQsub_tasksFollowTheirSubjobs() {
        open();
        JobSession s = sm.createJobSession("bulk", null);
        JobArray a = s.runBulkJobs(JobTemplate.builder("/bin/true").build(), 1, 5, 2, 0);
        assertEquals("7[].pbshost", a.getJobArrayId());
        assertEquals(List.of("7[1].pbshost", "7[3].pbshost", "7[5].pbshost"), a.getJobs().stream().map(Job::getJobId).toList());
        assertEquals(1, runner.commands.stream().filter(c -> c.argv().get(0).equals("qsub")).count());
        jobs.put("7[1].pbshost", new String[] {"F", "0"});
        jobs.put("7[3].pbshost", new String[] {"X", "271"});
        jobs.put("7[5].pbshost", new String[] {"F", "2"});
        for (Job j : a.getJobs()) j.waitTerminated(Duration.ofSeconds(10));
        assertEquals(JobState.DONE, a.getJobs().get(0).getState());
        assertEquals("SIGTERM", a.getJobs().get(1).getJobInfo().getTerminatingSignal());
        assertEquals(2, a.getJobs().get(2).getJobInfo().getExitStatus());
    }

    @Test
    void bulkJob_explicitlyNotRerunnable_refusedBeforeQsub() {
        open();
        JobSession s = sm.createJobSession("rerun", null);
        assertEquals("rerunnable", assertThrows(UnsupportedAttributeException.class,
                () -> s.runBulkJobs(JobTemplate.builder("/bin/true").rerunnable(false).build(), 1, 3, 1, 0)).getAttribute());
        assertEquals("rerunnable", assertThrows(UnsupportedAttributeException.class,
                () -> s.runBulkJobs(JobTemplate.builder("/bin/true").rerunnable(false).build(), 2, 2, 1, 0)).getAttribute());
        assertFalse(runner.programs().contains("qsub"));
        assertEquals(3, s.runBulkJobs(JobTemplate.builder("/bin/true").rerunnable(true).build(), 1, 3, 1, 0).getJobs().size());
    }

    @Test
    void arrayHoldAndRelease_oneCommandOnTheArrayId() {
        open();
        JobSession s = sm.createJobSession("hold", null);
        JobArray a = s.runBulkJobs(JobTemplate.builder("/bin/true").submitAsHold(true).build(), 1, 2, 1, 0);
        for (Job j : a.getJobs()) assertEquals(JobState.QUEUED_HELD, j.getState());
        assertThrows(org.drmaa2j.OperationUnsupportedException.class, () -> a.getJobs().get(0).release());
        a.release();
        assertEquals(List.of(List.of("qrls", "7[].pbshost")), runner.commands.stream()
                .filter(c -> c.argv().get(0).startsWith("q") && !c.argv().get(0).equals("qstat") && !c.argv().get(0).equals("qsub"))
                .map(c -> c.argv()).toList());
    }

    @Test
    void badTemplates_failBeforeAnythingIsSubmitted() {
        open();
        JobSession s = sm.createJobSession("bad", null);
        assertEquals("deadlineTime", assertThrows(UnsupportedAttributeException.class,
                () -> s.runJob(JobTemplate.builder("/bin/true").deadlineTime(Instant.now().plusSeconds(60)).build())).getAttribute());
        assertEquals("extensions[x.y]", assertThrows(UnsupportedAttributeException.class,
                () -> s.runJob(JobTemplate.builder("/bin/true").extension("x.y", "1").build())).getAttribute());
        assertEquals("jobName", assertThrows(InvalidArgumentException.class,
                () -> s.runJob(JobTemplate.builder("/bin/true").jobName("two words").build())).getField());
        assertFalse(runner.programs().contains("qsub"));
        runner.on("qsub", 188, "", "qsub: Unknown queue\n");
        DeniedByDrmsException e = assertThrows(DeniedByDrmsException.class,
                () -> s.runJob(JobTemplate.builder("/bin/true").queueName("nope").build()));
        assertEquals("qsub failed (exit 188): qsub: Unknown queue", e.getMessage());
    }

    /**
     * The scripts qsub received, run here as PBS would run them: their completion markers wake every
     * waiter while qstat would still say the jobs run, and with the poller's interval at an hour no
     * qstat runs while they wait.
     */
    @Test
    void markersWrittenByTheRealScripts_wakeEveryWaiter_noQstatWhileWaiting() throws Exception {
        open(Map.of("drmaa2j.poll.fastMillis", "3600000", "drmaa2j.poll.slowMillis", "3600000"));
        JobSession s = sm.createJobSession("markers", null);
        Job killed = s.runJob(JobTemplate.builder("/bin/sh").args("-c", "kill -s KILL $$").workingDirectory(tmp.toString()).build());
        JobArray a = s.runBulkJobs(JobTemplate.builder("/bin/sh").args("-c", "exit \"$1\"", "sh", "$DRMAA2_INDEX$")
                .workingDirectory(tmp.toString()).build(), 2, 4, 2, 0);
        List<Command> qsubs = runner.commands.stream().filter(c -> c.argv().get(0).equals("qsub")).toList();
        assertEquals(2, qsubs.size());
        for (Job j : a.getJobs()) jobs.put(j.getJobId(), new String[] {"R", null});
        jobs.put(killed.getJobId(), new String[] {"R", null});
        long before = runner.commands.stream().filter(c -> c.argv().get(0).equals("qstat")).count();
        List<Map<String, String>> runs = List.of(Map.of("PBS_JOBID", killed.getJobId()),
                Map.of("PBS_JOBID", a.getJobs().get(0).getJobId(), "PBS_ARRAY_INDEX", "2"),
                Map.of("PBS_JOBID", a.getJobs().get(1).getJobId(), "PBS_ARRAY_INDEX", "4"));
        for (int i = 0; i < runs.size(); i++) {
            Path f = tmp.resolve("job" + i + ".sh");
            java.nio.file.Files.write(f, qsubs.get(Math.min(i, 1)).stdin());
            new LocalCommandRunner(runs.get(i)).run(Command.of("/bin/bash", f.toString()));
        }
        List<Job> all = new ArrayList<>(a.getJobs());
        all.add(killed);
        for (Job j : all) assertEquals(j, j.waitTerminated(Duration.ofMinutes(2)));
        for (Job j : all) assertEquals(JobState.FAILED, j.getState());
        assertEquals(before, runner.commands.stream().filter(c -> c.argv().get(0).equals("qstat")).count(),
                "the waiters were woken by the markers, and getState, PBS was asked nothing");
        // PBS ends the jobs; getJobInfo waits for its confirmation: one qstat for all, the one the poll makes anyway
        jobs.put(killed.getJobId(), new String[] {"F", "137"});
        jobs.put(a.getJobs().get(0).getJobId(), new String[] {"F", "2"});
        jobs.put(a.getJobs().get(1).getJobId(), new String[] {"F", "4"});
        assertEquals("SIGKILL", killed.getJobInfo().getTerminatingSignal());
        assertEquals(2, a.getJobs().get(0).getJobInfo().getExitStatus());
        assertEquals(4, a.getJobs().get(1).getJobInfo().getExitStatus());
        assertEquals(before + 1, runner.commands.stream().filter(c -> c.argv().get(0).equals("qstat")).count(),
                "one qstat confirmed every end");
        assertEquals(9, CompletionMarker.parse(java.nio.file.Files.readString(tmp.resolve("exit").resolve(killed.getJobId()))).signal(),
                "the exit file, for when the marker is gone, agrees");
    }
}
