// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

/** Every parser against the verbatim Flux outputs in test resources, with concrete values. */
class FluxOutputParsingTest {
    private static final String REAL = "flux088_real_instance_transcript.txt";
    private static final List<FluxSamples.Step> T = FluxSamples.transcript(REAL);

    private static Instant at(double epochSeconds) {
        return FluxJobRecords.epoch(epochSeconds);
    }

    private static Map<String, JobInfo> json(String stdout) {
        return FluxStatusQuery.parse(stdout);
    }

    /** Rows of a space-separated {@code flux jobs -o} output, keyed by the given field names. */
    private static List<Map<String, String>> rows(String text, boolean header, String... fields) {
        List<Map<String, String>> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = header ? 1 : 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split(" ", fields.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < fields.length; k++) row.put(fields[k], k < f.length ? f[k] : "");
            out.add(row);
        }
        return out;
    }

    /** Rows of a column-aligned table (the default {@code flux jobs} output). */
    private static List<Map<String, String>> table(String text, boolean header, String... fields) {
        List<Map<String, String>> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = header ? 1 : 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].strip().split("\\s+", fields.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < fields.length; k++) row.put(fields[k], k < f.length ? f[k] : "");
            out.add(row);
        }
        return out;
    }

    private static Map<String, JobInfo> byId(List<Map<String, String>> rows) {
        Map<String, JobInfo> out = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            JobInfo i = FluxJobRows.toJobInfo(r);
            out.put(i.getJobId(), i);
        }
        return out;
    }

    /** Flux's {@code returncode} column, rebuilt from a JobInfo: exit status, -signal, -128 for cancelled before start. */
    private static String returncode(JobInfo i) {
        if (!i.getJobState().isTerminal()) return "-";
        if (i.getExitStatus() != null) return i.getExitStatus().toString();
        if (i.getTerminatingSignal() != null) return "-" + org.drmaa2j.spi.util.Signals.number(i.getTerminatingSignal());
        return "-128";
    }

    // ---- flux088_real_instance_transcript.txt ----

    @Test
    void jobsJson_readWithoutATree_sameAsFromTheTree() {
        List<String> outputs = new java.util.ArrayList<>();
        FluxSamples.steps(T, "flux jobs -a --json").forEach(st -> outputs.add(st.stdout()));
        FluxSamples.steps(T, "flux jobs --json $'").forEach(st -> outputs.add(st.stdout()));
        outputs.add(FluxEndsTest.output(FluxSamples.read("flux088_real_jobs_json_eventlog_hold.txt"), "flux jobs -a --json f3aMWebq"));
        outputs.add(FluxEndsTest.output(FluxSamples.read("flux088_real_probes_signal_addfile_cc_dash.txt"), "flux jobs -a --json f3BJQiLV5"));
        int jobs = 0;
        for (String out : outputs) {
            com.fasterxml.jackson.databind.JsonNode root = FluxJobRecords.parseRecord(out.strip());
            List<com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.ArrayList<>();
            if (root.has("jobs")) root.get("jobs").forEach(nodes::add);
            else nodes.add(root);
            List<JobInfo> streamed = FluxJobRecords.readJobsJson(out);
            assertEquals(nodes.size(), streamed.size());
            for (int k = 0; k < nodes.size(); k++) assertEquals(FluxJobRecords.toJobInfo(nodes.get(k)), streamed.get(k));
            jobs += nodes.size();
        }
        assertTrue(jobs >= 10, "jobs compared: " + jobs);
    }

    @Test
    void realTranscript_heldJobIsQueuedHeld() {
        JobInfo held = json(FluxSamples.steps(T, "flux jobs -a --json").get(0).stdout()).get("fC6RdJf");
        assertEquals(JobState.QUEUED_HELD, held.getJobState(), "SCHED with urgency 0");
        assertEquals("SCHED", held.getJobSubState());
        assertEquals("sleep", held.getJobName());
        assertEquals("root", held.getJobOwner());
        assertEquals(at(1795298746.1426263), held.getSubmissionTime());
        assertNull(held.getDispatchTime());
        assertEquals(List.of(), held.getAllocatedMachines());
        assertEquals(1L, held.getSlots());
    }

    @Test
    void realTranscript_runningAndExit3() {
        Map<String, JobInfo> m = json(FluxSamples.steps(T, "flux jobs -a --json").get(1).stdout());
        JobInfo run = m.get("fC6RdJf");
        assertEquals(JobState.RUNNING, run.getJobState(), "released: urgency 16");
        assertEquals(List.of("ef100d42c718"), run.getAllocatedMachines());
        assertEquals(at(1795298746.5740316), run.getDispatchTime());
        assertNull(run.getExitStatus());
        JobInfo failed = m.get("fT5CNSj");
        assertEquals(JobState.FAILED, failed.getJobState());
        assertEquals("FAILED", failed.getJobSubState());
        assertEquals(3, failed.getExitStatus(), "waitstatus 768");
        assertNull(failed.getTerminatingSignal());
        assertEquals(at(1795298746.7585924), failed.getDispatchTime());
        assertEquals(at(1795298746.7913747), failed.getFinishTime(), "t_cleanup");
        assertEquals(Duration.between(at(1795298746.7585924), at(1795298746.7913747)), failed.getWallclockTime());
        // flux job attach of the same job exits with the job's code
        FluxSamples.Step attach = FluxSamples.steps(T, "flux job attach $'\\306\\222T5CNSj'").get(0);
        assertEquals(attach.rc(), failed.getExitStatus());
        assertTrue(attach.stderr().contains("exit code 3"));
    }

    @Test
    void realTranscript_allFiveInactive() {
        Map<String, JobInfo> m = json(FluxSamples.steps(T, "flux jobs -a --json").get(2).stdout());
        assertEquals(5, m.size());
        for (String id : List.of("friYv7h", "friYv7i", "frk2uQ3")) {
            assertEquals(JobState.DONE, m.get(id).getJobState(), id);
            assertEquals(0, m.get(id).getExitStatus());
            assertEquals("echo", m.get(id).getJobName());
        }
        JobInfo cancelled = m.get("fC6RdJf");
        assertEquals(JobState.FAILED, cancelled.getJobState());
        assertEquals("CANCELED", cancelled.getJobSubState());
        assertEquals("SIGTERM", cancelled.getTerminatingSignal(), "waitstatus 36608 = shell exit 143 after a cancel");
        assertNull(cancelled.getExitStatus());
        assertEquals("cancel", cancelled.getAnnotation());
        assertEquals(at(1795298747.270123), cancelled.getFinishTime());
        assertEquals(JobState.FAILED, m.get("fT5CNSj").getJobState());
        assertEquals(3, m.get("fT5CNSj").getExitStatus());
        assertEquals(at(1795298747.654535), m.get("frk2uQ3").getSubmissionTime());
    }

    @Test
    void realTranscript_singleIdJsonIsOneObject() {
        Map<String, JobInfo> m = json(FluxSamples.steps(T, "flux jobs --json $'").get(0).stdout());
        assertEquals(List.of("fT5CNSj"), List.copyOf(m.keySet()));
        assertEquals(3, m.get("fT5CNSj").getExitStatus());
    }

    @Test
    void realTranscript_formattedTablesAgreeWithJson() {
        List<FluxSamples.Step> tables = FluxSamples.steps(T, "flux jobs -a -o \\{id.f58\\}\\ \\{state\\}");
        assertEquals(3, tables.size());
        Map<String, JobInfo> first = byId(rows(tables.get(0).stdout(), true, "id.f58", "state", "result", "returncode"));
        assertEquals(JobState.QUEUED, first.get("fC6RdJf").getJobState(), "SCHED; this format has no urgency");
        Map<String, JobInfo> second = byId(rows(tables.get(1).stdout(), true, "id.f58", "state", "result", "returncode"));
        assertEquals(JobState.RUNNING, second.get("fC6RdJf").getJobState());
        assertEquals(3, second.get("fT5CNSj").getExitStatus());
        Map<String, JobInfo> last = byId(rows(tables.get(2).stdout(), true, "id.f58", "state", "result", "returncode"));
        Map<String, JobInfo> viaJson = json(FluxSamples.steps(T, "flux jobs -a --json").get(2).stdout());
        for (String id : viaJson.keySet()) {
            assertEquals(viaJson.get(id).getJobState(), last.get(id).getJobState(), id);
            assertEquals(viaJson.get(id).getJobSubState(), last.get(id).getJobSubState(), id);
        }
        assertEquals(143, last.get("fC6RdJf").getExitStatus(), "returncode 143 without the exception column");
    }

    @Test
    void realTranscript_wideFormatWithTimesAndExceptions() {
        String out = FluxSamples.steps(T, "flux jobs -a -n -o \\{id\\}").get(0).stdout();
        Map<String, JobInfo> m = byId(rows(out, false, "id", "id.f58", "id.dec", "state_single", "status", "status_abbrev",
                "exception.type", "waitstatus", "t_submit", "t_run", "t_cleanup", "urgency", "priority"));
        assertEquals(5, m.size());
        assertEquals(JobState.DONE, m.get("frk2uQ3").getJobState());
        assertEquals(at(1795298747.7851822), m.get("frk2uQ3").getFinishTime());
        JobInfo c = m.get("fC6RdJf");
        assertEquals(JobState.FAILED, c.getJobState());
        assertEquals("SIGTERM", c.getTerminatingSignal());
        assertEquals("cancel", c.getAnnotation());
        assertEquals(at(1795298746.5740316), c.getDispatchTime());
        assertEquals(3, m.get("fT5CNSj").getExitStatus());
    }

    @Test
    void realTranscript_defaultTable() {
        String out = T.stream().filter(s -> s.command().equals("flux jobs -a"))
                .findFirst().orElseThrow().stdout();
        Map<String, JobInfo> m = byId(table(out, true, "id", "username", "name", "status_abbrev", "ntasks", "nnodes", "runtime", "nodelist"));
        assertEquals(JobState.DONE, m.get("frk2uQ3").getJobState());
        assertEquals(JobState.FAILED, m.get("fC6RdJf").getJobState());
        assertEquals("CANCELED", m.get("fC6RdJf").getJobSubState());
        assertEquals(JobState.FAILED, m.get("fT5CNSj").getJobState());
        assertEquals(List.of("ef100d42c718"), m.get("fT5CNSj").getAllocatedMachines());
    }

    @Test
    void realTranscript_eventlogsJsonAndTextAgree() {
        FluxEventlog json = FluxEventlog.parse(FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' eventlog").get(0).stdout());
        FluxEventlog text = FluxEventlog.parse(FluxSamples.steps(T, "flux job eventlog $'\\306\\222T5CNSj'").get(0).stdout());
        assertEquals(10, json.events().size());
        assertEquals(json.events().stream().map(FluxEventlog.Event::name).toList(), text.events().stream().map(FluxEventlog.Event::name).toList());
        assertEquals("768", text.first("finish").get("status"));
        for (FluxEventlog log : List.of(json, text)) {
            JobInfo i = log.toJobInfo("fT5CNSj");
            assertEquals(JobState.FAILED, i.getJobState());
            assertEquals(3, i.getExitStatus());
            assertEquals("FAILED", i.getJobSubState());
        }
        JobInfo i = json.toJobInfo("fT5CNSj");
        // the same times flux jobs reports: t_submit, t_run (alloc) and t_cleanup (finish)
        JobInfo listed = json(FluxSamples.steps(T, "flux jobs --json $'").get(0).stdout()).get("fT5CNSj");
        assertEquals(listed.getSubmissionTime(), i.getSubmissionTime());
        assertEquals(listed.getDispatchTime(), i.getDispatchTime());
        assertEquals(listed.getFinishTime(), i.getFinishTime());
    }

    @Test
    void realTranscript_cancelledJobEventlog() {
        FluxEventlog log = FluxEventlog.parse(FluxSamples.steps(T, "flux job info $'\\306\\222C6RdJf' eventlog").get(0).stdout());
        assertEquals(16, log.urgency(), "held at submit (0), then raised to 16");
        assertEquals("CANCELED", log.result());
        JobInfo i = log.toJobInfo("fC6RdJf");
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("SIGTERM", i.getTerminatingSignal());
        assertEquals("cancel", i.getAnnotation());
        assertEquals(at(1795298747.2788055), i.getFinishTime());
    }

    @Test
    void realTranscript_execEventlogIsNotAJobEnd() {
        FluxEventlog exec = FluxEventlog.parse(FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' guest.exec.eventlog").get(0).stdout());
        assertEquals(8, exec.events().size());
        assertEquals("3", exec.first("shell.task-exit").get("exitcode"));
        assertFalse(exec.isClean());
        assertFalse(exec.tellsTheEnd());
    }

    @Test
    void realTranscript_waitEventLines() {
        for (FluxSamples.Step s : FluxSamples.steps(T, "flux job wait-event")) {
            assertEquals(0, s.rc());
            FluxEventlog log = FluxEventlog.parse(s.stdout());
            assertEquals(1, log.events().size(), s.command());
            String wanted = s.command().substring(s.command().lastIndexOf(' ', s.command().length() - 2) + 1).strip();
            assertEquals(wanted, log.events().get(0).name());
            assertFalse(log.tellsTheEnd(), "a bare clean line does not say how the job ended");
        }
        assertEquals(at(1795298746.794888), FluxEventlog.parse("1795298746.794888 clean\n").first("clean").time());
    }

    @Test
    void realTranscript_cancelOutcomes() {
        List<FluxSamples.Step> cancels = FluxSamples.steps(T, "flux cancel");
        assertEquals(0, cancels.get(0).rc());
        for (FluxSamples.Step s : cancels.subList(1, 3)) {
            assertEquals(1, s.rc());
            assertTrue(FluxControl.ERRORS.isAlreadyGone(new org.drmaa2j.spi.exec.CommandResult(FluxBackend.commands(null).command("cancel"), s.rc(), s.stdout(), s.stderr(), Duration.ZERO)), s.stderr());
        }
        assertFalse(FluxControl.ERRORS.isAlreadyGone(new org.drmaa2j.spi.exec.CommandResult(FluxBackend.commands(null).command("cancel"), 1, "",
                "flux-cancel: ERROR: fC6RdJf: Operation not permitted\n", Duration.ZERO)));
    }

    @Test
    void realTranscript_ccTasksInIdOrderHaveIndices1to3() {
        List<String> ids = new ArrayList<>(FluxIds.submitted(FluxSamples.steps(T, "flux submit --cc=1-3").get(0).stdout()));
        ids.sort(java.util.Comparator.comparingLong(FluxIds::parse));
        List<FluxSamples.Step> attaches = FluxSamples.steps(T, "flux job attach");
        for (int k = 0; k < 3; k++) {
            String unicode = "\\306\\222" + ids.get(k).substring(1);
            String id = ids.get(k);
            FluxSamples.Step a = attaches.stream().filter(s -> s.command().contains(unicode)).findFirst().orElseThrow(() -> new AssertionError(id));
            assertEquals(Integer.toString(k + 1), a.stdout().strip(), "{cc} of " + id);
        }
    }

    @Test
    void realTranscript_jobspecAndR() {
        JsonNode spec = FluxJobRecords.parseRecord(FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' jobspec").get(0).stdout());
        assertEquals("[\"sh\",\"-c\",\"exit 3\"]", spec.path("tasks").get(0).path("command").toString());
        // every soft limit the driver passes with --rlimit is a key the job shell uses
        JsonNode rlimit = spec.path("attributes").path("system").path("shell").path("options").path("rlimit");
        for (String name : List.of("cpu", "nofile", "as", "data", "stack", "core", "fsize")) assertTrue(rlimit.has(name), name);
        JsonNode r = FluxJobRecords.parseRecord(FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' R").get(0).stdout());
        JobInfo listed = json(FluxSamples.steps(T, "flux jobs --json $'").get(0).stdout()).get("fT5CNSj");
        assertEquals(listed.getAllocatedMachines().get(0), r.path("execution").path("nodelist").get(0).asText());
        assertEquals(1795298746L, r.path("execution").path("starttime").asLong());
    }

    @Test
    void realTranscript_version() {
        String out = FluxSamples.steps(T, "flux version").get(0).stdout();
        assertTrue(out.startsWith("commands:    \t\t0.88.0"));
        assertEquals(2, FluxSamples.steps(T, "flux version").size());
    }

    // ---- flux088_external_uri_ascii.txt ----

    @Test
    void externalUri_asciiTable() {
        String text = FluxSamples.read("flux088_external_uri_ascii.txt");
        int at = text.indexOf("JOBID STATE RESULT RC");
        String tableText = text.substring(at, text.indexOf("{\"jobs\"", at));
        Map<String, JobInfo> m = byId(rows(tableText, true, "id.f58", "state", "result", "returncode"));
        assertEquals(JobState.FAILED, m.get("f3N4Qc3y").getJobState());
        assertEquals(3, m.get("f3N4Qc3y").getExitStatus());
        assertEquals(JobState.DONE, m.get("f3GMoND5").getJobState());
        assertTrue(text.contains("rc=3"));
        // the JSON at the end of the capture was cut off: it must fail loudly, not parse as nothing
        String cut = text.substring(text.indexOf("{\"jobs\""));
        org.junit.jupiter.api.Assertions.assertThrows(org.drmaa2j.DrmCommunicationException.class, () -> json(cut));
    }

    // ---- flux-core fixtures ----

    @Test
    void fluxcore_jobListRecordsWithNumericStates_contextualInfo() {
        String text = FluxSamples.read("fluxcore_joblist_records_contextual_info.txt");
        List<JobInfo> infos = FluxSamples.block(text, "[input]").stream().map(l -> FluxJobRecords.toJobInfo(FluxJobRecords.parseRecord(l))).toList();
        List<String> expected = FluxSamples.block(text, "[expected");
        assertEquals(6, infos.size());
        assertEquals(List.of(JobState.QUEUED, JobState.QUEUED, JobState.QUEUED, JobState.QUEUED, JobState.RUNNING, JobState.DONE),
                infos.stream().map(JobInfo::getJobState).toList());
        assertEquals(List.of("PRIORITY", "SCHED", "DEPEND", "DEPEND", "RUN", "COMPLETED"), infos.stream().map(JobInfo::getJobSubState).toList());
        assertEquals(expected.get(2), infos.get(2).getAnnotation());
        assertEquals(expected.get(3), infos.get(3).getAnnotation());
        assertEquals(List.of("asp"), infos.get(4).getAllocatedMachines(), expected.get(4));
        assertEquals(List.of(expected.get(5)), infos.get(5).getAllocatedMachines());
        assertEquals("f2JmGJH5", infos.get(0).getJobId());
        assertEquals(0, infos.get(5).getExitStatus());
        assertEquals(at(1664571163.1124246), infos.get(5).getFinishTime());
    }

    @Test
    void fluxcore_returncodeTable() {
        String text = FluxSamples.read("fluxcore_joblist_records_returncode.txt");
        List<JobInfo> infos = FluxSamples.block(text, "[input]").stream().map(l -> FluxJobRecords.toJobInfo(FluxJobRecords.parseRecord(l))).toList();
        List<String> expected = FluxSamples.block(text, "[expected");
        assertEquals(expected, infos.stream().map(FluxOutputParsingTest::returncode).toList());
        assertEquals(JobState.RUNNING, infos.get(0).getJobState());
        assertEquals(JobState.FAILED, infos.get(1).getJobState(), "COMPLETED by result, but the shell died of SIGTERM");
        assertEquals("SIGTERM", infos.get(1).getTerminatingSignal());
        assertEquals("cancel: interrupted by ctrl-C", infos.get(2).getAnnotation());
        assertNull(infos.get(2).getDispatchTime());
        assertEquals(JobState.FAILED, infos.get(3).getJobState());
        assertEquals(42, infos.get(3).getExitStatus());
        assertEquals(1, infos.get(4).getExitStatus());
        assertEquals(JobState.DONE, infos.get(5).getJobState());
    }

    @Test
    void fluxcore_eventlogInThreeForms() {
        FluxEventlog json = FluxEventlog.parse(FluxSamples.read("fluxcore_job_eventlog_json_lines.txt"));
        FluxEventlog text = FluxEventlog.parse(FluxSamples.read("fluxcore_job_eventlog_text.txt"));
        FluxEventlog iso = FluxEventlog.parse(FluxSamples.read("fluxcore_job_eventlog_text_iso.txt"));
        List<String> names = List.of("submit", "validate", "depend", "priority", "alloc", "start", "memo", "finish", "release", "free", "clean");
        for (FluxEventlog log : List.of(json, text, iso)) {
            assertEquals(names, log.events().stream().map(FluxEventlog.Event::name).toList());
            assertEquals(16, log.urgency());
            assertEquals("COMPLETED", log.result());
            JobInfo i = log.toJobInfo("f1");
            assertEquals(JobState.DONE, i.getJobState());
            assertEquals(0, i.getExitStatus());
            assertEquals(at(1738774194.110116).getEpochSecond(), i.getDispatchTime().getEpochSecond());
        }
        assertEquals("\u0192 \u03a6 \u03a8 \u03a9 \u00d6", json.first("memo").get("test"));
        assertEquals("\u0192 \u03a6 \u03a8 \u03a9 \u00d6", text.first("memo").get("test"));
        assertEquals("1001", iso.first("submit").get("userid"));
        assertEquals(at(1738774194.078433), json.first("submit").time());
        assertEquals(Instant.parse("2025-02-05T16:49:54.078433Z"), iso.first("submit").time());
        assertEquals(json.first("submit").time(), iso.first("submit").time());
        assertEquals(at(1738774194.1820674), json.toJobInfo("f1").getFinishTime());
    }

    // ---- docs and other tools ----

    @Test
    void fluxdocs_defaultTableInAContainer() {
        Map<String, JobInfo> m = byId(table(FluxSamples.read("fluxdocs_flux_jobs_a_default_table.txt").replaceFirst("^\\$.*\\n", ""), true,
                "id", "username", "name", "status_abbrev", "ntasks", "nnodes", "runtime", "nodelist"));
        assertEquals(4, m.size());
        assertEquals(JobState.RUNNING, m.get("fq3d755R").getJobState());
        assertEquals(List.of("848fc387afd7"), m.get("fq3d755R").getAllocatedMachines());
        assertEquals("fluxuser", m.get("fq3d755R").getJobOwner());
        assertEquals(JobState.DONE, m.get("fBmTaVZ9").getJobState());
    }

    @Test
    void fluxdocs_inactiveReturncodes() {
        List<Map<String, String>> r = rows(FluxSamples.read("fluxdocs_flux_jobs_inactive_returncode.txt").replaceFirst("^\\$.*\\n", ""),
                true, "id", "returncode");
        r.forEach(row -> row.put("state", "INACTIVE")); // the command asked for --filter=inactive
        Map<String, JobInfo> m = byId(r);
        assertEquals(JobState.FAILED, m.get("f2TRHV5mR").getJobState());
        assertNull(m.get("f2TRHV5mR").getExitStatus(), "-128: cancelled before it started");
        assertEquals(1, m.get("f2SLdmS4F").getExitStatus());
        assertEquals(JobState.DONE, m.get("f2RYByw1h").getJobState());
        assertEquals(5, m.size());
    }

    @Test
    void fluxExamples_oldHeaderAndR() {
        String text = FluxSamples.read("fluxexamples_flux_job_info_R.txt");
        String tableText = text.substring(text.indexOf("JOBID"), text.indexOf("flux job info"));
        Map<String, JobInfo> m = byId(table(tableText, true, "id", "username", "name", "status_abbrev", "ntasks", "nnodes", "runtime", "ranks"));
        assertEquals(JobState.RUNNING, m.get("f3ETxsR9H").getJobState());
        assertEquals(4L, m.get("f38rBqEWT").getSlots());
        assertEquals(List.of(), m.get("f38rBqEWT").getAllocatedMachines(), "RANKS [0-1] are ranks, not host names");
        String[] r = text.lines().filter(l -> l.startsWith("{")).toArray(String[]::new);
        assertEquals("2", FluxJobRecords.parseRecord(r[0]).path("execution").path("R_lite").get(0).path("rank").asText());
        assertEquals("0-3", FluxJobRecords.parseRecord(r[1]).path("execution").path("R_lite").get(0).path("children").path("core").asText());
    }

    @Test
    void nextflow_stateLetters() {
        Map<String, JobInfo> m = byId(rows(FluxSamples.read("nextflow_flux_jobs_f58_status_abbrev.txt"), false, "id.f58", "status_abbrev"));
        assertEquals(JobState.RUNNING, m.get("f6upwy2MY3").getJobState());
        assertEquals(JobState.QUEUED, m.get("f6upcbFjvf").getJobState(), "D: DEPEND");
        assertEquals(JobState.QUEUED, m.get("f6uon2RGVV").getJobState(), "S: SCHED");
        assertEquals(JobState.RUNNING, m.get("f6upwy2MY4").getJobState(), "C: CLEANUP");
        assertEquals(JobState.FAILED, m.get("f6upcbFjvh").getJobState(), "I: inactive, and nothing says it succeeded");
    }

    @Test
    void pysqa_tableWithoutHeader() {
        Map<String, JobInfo> m = byId(table(FluxSamples.read("pysqa_flux_jobs_a_no_header.txt"), false,
                "id", "username", "name", "status_abbrev", "ntasks", "nnodes", "runtime", "ranks"));
        assertEquals(List.of("fWZEQa8X", "fW8eCV2o", "fVhYLeJB"), List.copyOf(m.keySet()));
        m.values().forEach(i -> {
            assertEquals(JobState.RUNNING, i.getJobState());
            assertEquals("dahn", i.getJobOwner());
            assertEquals(2L, i.getSlots());
        });
    }

    @Test
    void fallbackFormat_roundTripsThroughTheRowReader() {
        String line = "fT5CNSj|INACTIVE|FAILED|16|768|3|||1795298746.7290318|1795298746.7585924|1795298746.7913747|1795298746.7948883|1|ef100d42c718|batch|root|a|b job";
        JobInfo i = FluxStatusQuery.parseRows(line).get("fT5CNSj");
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus());
        assertEquals("a|b job", i.getJobName());
        assertEquals("batch", i.getQueueName());
        assertEquals(at(1795298746.7913747), i.getFinishTime());
        assertEquals(17, FluxJobRows.COLUMNS.size());
        assertTrue(FluxJobRows.FORMAT.startsWith("{id.f58}|{state}|"));
    }
}
