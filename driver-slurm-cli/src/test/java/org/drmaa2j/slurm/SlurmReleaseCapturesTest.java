// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.drmaa2j.tck.samples.SampleOutputs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's parsers on what each Slurm release really printed: every command the driver runs,
 * with its own formats, captured from the project's Slurm image on Debian 11 (20.11), 12 (22.05) and
 * 13 (24.11) by {@code tck-containers/src/main/docker/slurm/capture.sh} into {@code samples/slurm-<release>/}.
 * {@code jobs.txt} there names the job of each kind.
 */
class SlurmReleaseCapturesTest {

    /** One release's captures. */
    private record Captures(String release) {
        String raw(String name) {
            String path = "/samples/slurm-" + release + "/" + name + ".txt";
            try (InputStream in = SlurmReleaseCapturesTest.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalArgumentException("no capture " + path);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return the command's standard output, without the SOURCE line and the stderr/exit trailer */
        String stdout(String name) {
            String text = SampleOutputs.read(SlurmReleaseCapturesTest.class, "slurm-" + release, name + ".txt");
            int err = text.indexOf("[stderr]\n");
            if (err >= 0) text = text.substring(0, err);
            int exit = text.indexOf("[exit ");
            return exit >= 0 ? text.substring(0, exit) : text;
        }

        String stderr(String name) {
            String text = raw(name);
            int err = text.indexOf("[stderr]\n");
            if (err < 0) return "";
            text = text.substring(err + "[stderr]\n".length());
            int exit = text.indexOf("[exit ");
            return exit >= 0 ? text.substring(0, exit) : text;
        }

        int exitCode(String name) {
            String text = raw(name);
            int exit = text.lastIndexOf("[exit ");
            return exit < 0 ? 0 : Integer.parseInt(text.substring(exit + 6, text.indexOf(']', exit)));
        }

        /** @return kind of job to its id */
        Map<String, String> jobs() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : stdout("jobs").split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1).split(" ")[0]);
            }
            return out;
        }

        SlurmRelease slurmRelease() {
            return SlurmRelease.parse(stdout("squeue_version"));
        }
    }

    private static Map<String, JobInfo> byId(List<JobInfo> infos) {
        Map<String, JobInfo> out = new HashMap<>();
        for (JobInfo i : infos) out.put(i.getJobId(), i);
        return out;
    }

    private static Map<String, JobInfo> squeue(Captures c) {
        DelimitedTable t = DelimitedTable.withColumns(c.stdout("squeue_status"), "|", SlurmJobRows.SQUEUE_COLUMNS);
        assertEquals(List.of(), t.malformed(), "every line fits the driver's squeue format");
        SlurmRelease r = c.slurmRelease();
        for (Map<String, String> row : t.rows()) {
            String exit = row.get("squeueexit");
            assertEquals(r.squeueExitCodeIsExitSignal(), SlurmJobRows.isExitSignal(exit),
                    "Slurm " + r.version() + " prints exit_code as " + exit);
        }
        return byId(t.rows().stream().map(row -> SlurmJobRows.toJobInfo(row, ZoneOffset.UTC)).toList());
    }

    private static Map<String, JobInfo> sacct(Captures c) {
        DelimitedTable t = DelimitedTable.withColumns(c.stdout("sacct_status"), "|", SlurmJobRows.SACCT_COLUMNS);
        assertEquals(List.of(), t.malformed());
        Map<String, JobInfo> out = new HashMap<>();
        for (Map<String, String> row : t.rows()) {
            JobInfo i = SlurmJobRows.toJobInfo(row, ZoneOffset.UTC);
            for (String id : SlurmJobRows.expandArrayId(i.getJobId())) out.put(id, i.toBuilder().jobId(id).build());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void everyCapture_namesItsRelease_andTheDriversOwnFormats(String release) {
        Captures c = new Captures(release);
        assertTrue(c.stdout("squeue_version").strip().matches("slurm(-wlm)? " + release.replace(".", "\\.") + "\\.\\d+"),
                c.stdout("squeue_version"));
        assertEquals(release, c.slurmRelease().version().substring(0, 5));
        String source = c.raw("squeue_status").lines().findFirst().orElseThrow();
        assertTrue(source.startsWith("SOURCE: ") && source.contains(" " + release + "."), source);
        assertTrue(source.contains("--Format=" + SlurmJobRows.SQUEUE_FORMAT + " "), "captured with the driver's squeue format: " + source);
        assertTrue(c.raw("sacct_status").lines().findFirst().orElseThrow().contains("--format=" + SlurmJobRows.sacctFormat() + " "));
        assertTrue(c.raw("sinfo_nodes").lines().findFirst().orElseThrow().contains("--format=" + SlurmMonitoring.NODE_FORMAT + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void squeue_givesEveryStateAndExitCode_inOneCommand(String release) {
        Captures c = new Captures(release);
        Map<String, String> jobs = c.jobs();
        Map<String, JobInfo> q = squeue(c);
        JobInfo exit3 = q.get(jobs.get("exit3"));
        assertEquals(JobState.FAILED, exit3.getJobState());
        assertEquals(3, exit3.getExitStatus());
        assertNull(exit3.getTerminatingSignal());
        assertEquals(255, q.get(jobs.get("exit255")).getExitStatus(), "the controller keeps high exit codes whole");
        JobInfo kill9 = q.get(jobs.get("kill9"));
        assertEquals(JobState.FAILED, kill9.getJobState());
        assertEquals("SIGKILL", kill9.getTerminatingSignal());
        assertNull(kill9.getExitStatus());
        JobInfo done = q.get(jobs.get("done"));
        assertEquals(JobState.DONE, done.getJobState());
        assertEquals(0, done.getExitStatus());
        assertEquals(List.of("localhost"), done.getAllocatedMachines());
        assertNotNull(done.getFinishTime());
        for (int task = 1; task <= 3; task++) {
            JobInfo t = q.get(jobs.get("array") + "_" + task);
            assertEquals(JobState.FAILED, t.getJobState(), "array task " + task);
            assertEquals(task, t.getExitStatus(), "array task " + task);
        }
        JobInfo cancelled = q.get(jobs.get("cancelled_running"));
        assertEquals(JobState.FAILED, cancelled.getJobState());
        assertEquals("CANCELLED", cancelled.getJobSubState());
        JobInfo cancelledPending = q.get(jobs.get("cancelled_pending"));
        assertEquals(JobState.FAILED, cancelledPending.getJobState());
        assertNull(cancelledPending.getDispatchTime(), "a job cancelled while pending never ran");
        assertTrue(cancelledPending.getAllocatedMachines().isEmpty());
        JobInfo timeout = q.get(jobs.get("timeout"));
        assertEquals(JobState.FAILED, timeout.getJobState());
        assertEquals("TIMEOUT", timeout.getJobSubState());
        JobInfo running = q.get(jobs.get("running"));
        assertEquals(JobState.RUNNING, running.getJobState());
        assertEquals("batch", running.getQueueName());
        assertNull(running.getExitStatus());
        assertNull(running.getFinishTime());
        assertEquals(JobState.QUEUED, q.get(jobs.get("pending")).getJobState());
        assertEquals(JobState.QUEUED_HELD, q.get(jobs.get("held")).getJobState());
        assertEquals(JobState.QUEUED_HELD, q.get(jobs.get("held_array") + "_1").getJobState());
        assertEquals(JobState.QUEUED_HELD, q.get(jobs.get("held_array") + "_2").getJobState());
        JobInfo bar = q.get(jobs.get("name_with_bar"));
        assertEquals("a name | with a bar", bar.getJobName(), "the name is the last column, so it may hold the delimiter");
        for (Map.Entry<String, JobInfo> e : q.entrySet()) {
            assertFalse(e.getValue().getJobState() == JobState.UNDETERMINED, "every state word known: " + e.getValue());
            JobInfo i = e.getValue();
            if (i.getJobState().isTerminal()) {
                assertTrue(i.getExitStatus() != null || i.getTerminatingSignal() != null,
                        "squeue alone says how every finished job ended, so no sacct is needed: " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void sacct_forForgottenJobs_agreesWithSqueue(String release) {
        Captures c = new Captures(release);
        Map<String, String> jobs = c.jobs();
        Map<String, JobInfo> a = sacct(c);
        Map<String, JobInfo> q = squeue(c);
        for (String kind : List.of("exit3", "kill9", "done", "cancelled_running", "cancelled_pending", "timeout")) {
            JobInfo acct = a.get(jobs.get(kind));
            JobInfo queue = q.get(jobs.get(kind));
            assertTrue(SlurmStatusQuery.isComplete(acct), kind + ": " + acct);
            assertEquals(queue.getJobState(), acct.getJobState(), kind);
            assertEquals(queue.getJobSubState(), acct.getJobSubState(), kind);
            assertEquals(queue.getFinishTime(), acct.getFinishTime(), kind);
            // a cancelled or timed-out job: the controller keeps how the script ended (SIGTERM, or the
            // shell's 143), accounting records 0:0; both are FAILED with sub-state CANCELLED or TIMEOUT
            if (!kind.startsWith("cancelled") && !kind.equals("timeout")) {
                assertEquals(queue.getExitStatus(), acct.getExitStatus(), kind);
            }
        }
        assertEquals("SIGKILL", a.get(jobs.get("kill9")).getTerminatingSignal());
        for (int task = 1; task <= 3; task++) assertEquals(task, a.get(jobs.get("array") + "_" + task).getExitStatus());
        int exit255 = a.get(jobs.get("exit255")).getExitStatus();
        assertTrue(exit255 == 255 || exit255 == 127, "slurmdbd keeps 255, or drops its top bit: " + exit255);
        assertEquals(JobState.QUEUED_HELD.isTerminal(), a.get(jobs.get("held_array") + "_2").getJobState().isTerminal());
        assertEquals(JobState.RUNNING, a.get(jobs.get("running")).getJobState());
        // with the steps: the step lines are recognised and left out
        DelimitedTable steps = DelimitedTable.withColumns(c.stdout("sacct_steps"), "|", SlurmJobRows.SACCT_COLUMNS);
        Set<String> jobIds = new HashSet<>();
        for (Map<String, String> row : steps.rows()) if (!SlurmJobRows.isStep(row)) jobIds.add(row.get("jobid"));
        assertTrue(steps.rows().size() > jobIds.size(), "steps present");
        assertTrue(jobIds.contains(jobs.get("exit3")));
        assertTrue(c.stdout("sacct_header").startsWith(
                "JobID|State|ExitCode|Partition|AllocCPUS|NodeList|Submit|Start|End|Elapsed|TotalCPU|User|JobName\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void scontrolShowJob_confirmsHighExitCodes_andEveryState(String release) {
        Captures c = new Captures(release);
        Map<String, Object[]> want = new LinkedHashMap<>();
        want.put("exit3", new Object[] {JobState.FAILED, 3});
        want.put("exit255", new Object[] {JobState.FAILED, 255});
        want.put("kill9", new Object[] {JobState.FAILED, null});
        want.put("timeout", new Object[] {JobState.FAILED, null});
        want.put("cancelled_running", new Object[] {JobState.FAILED, null});
        want.put("cancelled_pending", new Object[] {JobState.FAILED, null});
        want.put("running", new Object[] {JobState.RUNNING, null});
        want.put("pending", new Object[] {JobState.QUEUED, null});
        want.put("held", new Object[] {JobState.QUEUED_HELD, null});
        want.forEach((kind, w) -> {
            Map<String, String> rec = ScontrolJobRecord.parse(c.stdout("scontrol_show_job_" + kind));
            JobInfo i = SlurmJobRows.toJobInfo(rec, ZoneOffset.UTC);
            assertEquals(w[0], i.getJobState(), kind + ": " + rec);
            if (w[1] != null) assertEquals(w[1], SlurmJobRows.exitCode(rec.get("exitcode"))[0], kind);
        });
        int[] kill9 = SlurmJobRows.exitCode(ScontrolJobRecord.parse(c.stdout("scontrol_show_job_kill9")).get("exitcode"));
        assertEquals(9, kill9[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void sinfo_sacctmgr_andTags(String release) {
        Captures c = new Captures(release);
        assertEquals(List.of("debug", "batch"), c.stdout("sinfo_partitions").lines().map(String::strip).toList());
        DelimitedTable nodes = DelimitedTable.withColumns(c.stdout("sinfo_nodes"), "|", SlurmMonitoring.NODE_COLUMNS);
        assertEquals(List.of(), nodes.malformed());
        MachineInfo m = SlurmMonitoring.machine(nodes.rows().get(0));
        assertEquals("localhost", m.name());
        assertTrue(m.available());
        assertEquals(8, m.sockets());
        assertEquals(8000L * 1024, m.physMemory());
        assertFalse(SlurmReservationPermission.mayReserve(c.stdout("sacctmgr_adminlevel_none").strip()));
        assertTrue(SlurmReservationPermission.mayReserve(c.stdout("sacctmgr_adminlevel_operator").strip()));
        Map<String, String> jobs = c.jobs();
        Set<String> wanted = Set.of("0a1b2c3d4e5f.00112233aabb", "0a1b2c3d4e5f.ccddeeff0011");
        Map<String, String> fromQueue = new HashMap<>();
        org.drmaa2j.spi.backend.SlurmCommentTags.collect(c.stdout("squeue_tags"), wanted, fromQueue);
        assertEquals(Map.of("0a1b2c3d4e5f.00112233aabb", jobs.get("tagged_done"), "0a1b2c3d4e5f.ccddeeff0011",
                jobs.get("tagged_held_array")), fromQueue);
        Map<String, String> fromAccounting = new HashMap<>();
        org.drmaa2j.spi.backend.SlurmCommentTags.collect(c.stdout("sacct_tags"), wanted, fromAccounting);
        assertEquals(jobs.get("tagged_done"), fromAccounting.get("0a1b2c3d4e5f.00112233aabb"),
                "accounting keeps the job comment (AccountingStoreFlags=job_comment, or AccountingStoreJobComment=YES on 20.11)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void reservations_createShowDelete(String release) {
        Captures c = new Captures(release);
        assertTrue(c.stdout("scontrol_create_reservation").contains("capture-1"));
        assertTrue(c.exitCode("scontrol_create_reservation_denied") != 0, "an ordinary user may not reserve");
        List<ReservationInfo> shown = SlurmReservationRecords.parse(c.stdout("scontrol_show_reservation"), ZoneOffset.UTC);
        assertEquals(1, shown.size());
        ReservationInfo r = shown.get(0);
        assertEquals("capture-1", r.reservationId());
        assertEquals(java.time.Duration.ofMinutes(10), java.time.Duration.between(r.reservedStartTime(), r.reservedEndTime()));
        assertEquals(List.of("drmaa"), r.usersACL());
        assertEquals(2L, r.reservedMachines().stream().mapToLong(s -> s.slots()).sum());
        assertEquals(List.of(), SlurmReservationRecords.parse(c.stdout("scontrol_show_reservation_none"), ZoneOffset.UTC));
        assertEquals(0, c.exitCode("scontrol_delete_reservation"), "delete ReservationName= works on every release");
        String unknown = c.stdout("scontrol_delete_reservation_unknown") + c.stderr("scontrol_delete_reservation_unknown");
        assertTrue(unknown.toLowerCase(java.util.Locale.ROOT).contains("requested reservation is invalid"), unknown);
        assertTrue(c.stdout("scontrol_show_reservation_unknown").contains("not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.11", "22.05", "24.11"})
    void sbatch_idsAndRefusals(String release) {
        Captures c = new Captures(release);
        Optional<String> plain = SbatchOutput.jobId(c.stdout("sbatch_parsable"));
        assertTrue(plain.isPresent() && plain.get().matches("\\d+"), c.stdout("sbatch_parsable"));
        assertTrue(SbatchOutput.jobId(c.stdout("sbatch_parsable_array")).orElseThrow().matches("\\d+"));
        assertTrue(SbatchOutput.jobId(c.stdout("sbatch_plain")).orElseThrow().matches("\\d+"));
        assertTrue(c.exitCode("sbatch_bad_partition") != 0);
        assertTrue(c.stderr("sbatch_bad_partition").contains("Invalid partition name specified"));
        assertTrue(c.exitCode("sbatch_bad_time") != 0);
        assertTrue(c.stderr("sbatch_bad_time").contains("--time"));
        assertTrue(c.exitCode("scontrol_hold_unknown") != 0);
        assertTrue(c.stderr("scontrol_hold_unknown").contains("Invalid job id specified"));
    }
}
