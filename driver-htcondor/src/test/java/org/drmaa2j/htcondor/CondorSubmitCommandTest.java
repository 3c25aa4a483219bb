// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CondorSubmitCommandTest {
    static final CondorSubmitCommand SUBMIT = new CondorSubmitCommand(
            ScriptRenderer.forDriver("htcondor", HTCondorProvider.TEMPLATE, HTCondorProvider.class, Map.of()), "/home/drmaa");

    /** @return the description's commands, name to value, without the queue line */
    static Map<String, String> commands(String description) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : description.split("\n")) {
            if (line.startsWith("#") || line.startsWith("queue")) continue;
            int eq = line.indexOf(" = ");
            out.put(line.substring(0, eq), line.substring(eq + 3));
        }
        return out;
    }

    /**
     * Reads an {@code arguments} value in HTCondor's quoted syntax: in double quotes, words split at
     * spaces, single quotes group, {@code ''} and {@code ""} are one quote each.
     */
    static List<String> condorArguments(String value) {
        assertTrue(value.startsWith("\"") && value.endsWith("\""), value);
        String s = value.substring(1, value.length() - 1).replace("\"\"", "\"");
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    w.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                    if (w == null) w = new StringBuilder();
                }
            } else if (c == ' ' && !quoted) {
                if (w != null) words.add(w.toString());
                w = null;
            } else {
                if (w == null) w = new StringBuilder();
                w.append(c);
            }
        }
        if (w != null) words.add(w.toString());
        return words;
    }

    @Test
    void description_fullTemplate() {
        JobTemplate t = JobTemplate.builder("/bin/echo").args("a b").jobName("tck $HOME \"x\"").workingDirectory("$DRMAA2_HOME_DIR$/wd")
                .outputPath("$DRMAA2_WORKING_DIR$/out.$DRMAA2_INDEX$").errorPath("/tmp/err").inputPath("in.txt").submitAsHold(true)
                .minSlots(2L).minPhysMemory(2048L).priority(5L).accountingId("grp").email(List.of("a@example.org")).emailOnTerminated(true)
                .candidateMachines(List.of("node1", "node2")).machineOS(OperatingSystem.LINUX).machineArch(CpuArchitecture.X64)
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90).deadlineTime(Instant.ofEpochSecond(4_000_000_000L))
                .extension(Extensions.GPUS_PER_NODE, "1").extension(Extensions.NATIVE_OPTIONS, "request_disk = 1GB\n+Project = \"x\"").build();
        String desc = SUBMIT.description(t, new BulkRange(2, 8, 3, 0), "0123456789ab.000000000007");
        Map<String, String> d = commands(desc);
        assertEquals("/bin/bash", d.get("executable"));
        assertEquals("/home/drmaa/wd", d.get("initialdir"));
        assertEquals("/home/drmaa/wd/out.$INT(drmaa2j_index)", d.get("output"));
        assertEquals("/tmp/err", d.get("error"));
        assertEquals("/home/drmaa/wd/in.txt", d.get("input"));
        assertEquals("tck $(DOLLAR)HOME \"x\"", d.get("batch_name"));
        assertEquals("\"drmaa2j:0123456789ab.000000000007\"", d.get("+Drmaa2jTag"));
        assertEquals("true", d.get("hold"));
        assertEquals("2", d.get("request_cpus"));
        assertEquals("2", d.get("request_memory"));
        assertEquals("1", d.get("request_gpus"));
        assertEquals("5", d.get("priority"));
        assertEquals("grp", d.get("accounting_group"));
        assertEquals("a@example.org", d.get("notify_user"));
        assertEquals("Complete", d.get("notification"));
        assertEquals("90", d.get("allowed_execute_duration"));
        assertEquals("(HoldReasonCode =?= 47) || ((JobStatus == 2 || JobStatus == 7) && JobCurrentStartExecutingDate >= JobCurrentStartDate"
                + " && time() - JobCurrentStartExecutingDate > 90) || (time() > 4000000000) || (JobStatus == 1 && NumJobStarts > 0)", d.get("periodic_remove"));
        assertEquals("(MY.NumJobStarts =?= 0) && ((TARGET.Machine == \"node1\") || (TARGET.Machine == \"node2\")) && (TARGET.OpSys == \"LINUX\")"
                + " && (TARGET.Arch == \"X86_64\")", d.get("requirements"));
        assertEquals("$(ProcId) * 3 + 2", d.get("drmaa2j_index"));
        assertEquals("1GB", d.get("request_disk"));
        assertTrue(desc.endsWith("queue 3\n"), desc);
    }

    @Test
    void description_lateMaterializedArray() {
        Map<String, String> d = commands(SUBMIT.description(JobTemplate.builder("/bin/true").rerunnable(true).build(), new BulkRange(1, 5, 1, 2), null));
        assertEquals("2", d.get("max_materialize"));
        assertEquals("\"\"", d.get("+Drmaa2jCancelled"));
        assertEquals("\"\"", d.get("+Drmaa2jHeld"));
        assertEquals("stringListMember(string(ProcId), Drmaa2jCancelled)", d.get("periodic_remove"));
        assertEquals("stringListMember(string(ProcId), Drmaa2jHeld)", d.get("periodic_hold"));
        assertEquals("!stringListMember(string(ProcId), Drmaa2jCancelled) && !stringListMember(string(ProcId), Drmaa2jHeld)", d.get("requirements"));
        assertThrows(InvalidArgumentException.class, () -> SUBMIT.description(JobTemplate.builder("/bin/true").submitAsHold(true).build(),
                new BulkRange(1, 5, 1, 2), null));
    }

    @Test
    void description_startTimeInTheFutureDefers_inThePastRunsNow() {
        Map<String, String> later = commands(SUBMIT.description(JobTemplate.builder("/bin/true").startTime(Instant.now().plusSeconds(3600)).build(), null, null));
        assertTrue(Long.parseLong(later.get("deferral_time")) > Instant.now().getEpochSecond());
        assertEquals(Long.toString(CondorSubmitCommand.DEFERRAL_WINDOW_SECONDS), later.get("deferral_window"));
        Map<String, String> past = commands(SUBMIT.description(JobTemplate.builder("/bin/true").startTime(Instant.now().minusSeconds(60)).build(), null, null));
        assertFalse(past.containsKey("deferral_time"));
    }

    @Test
    void refused_namingTheField() {
        assertEquals("jobName", field(JobTemplate.builder("/bin/true").jobName("two\nlines").build()));
        assertEquals("jobName", field(JobTemplate.builder("/bin/true").jobName(" leading").build()));
        assertEquals("jobName", field(JobTemplate.builder("/bin/true").jobName("pay $$(x)").build()));
        assertEquals("outputPath", field(JobTemplate.builder("/bin/true").outputPath("/tmp/ends\\").build()));
        assertEquals("candidateMachines", field(JobTemplate.builder("/bin/true").candidateMachines(List.of("a\" || true || \"")).build()));
        assertEquals("accountingId", field(JobTemplate.builder("/bin/true").accountingId("a b").build()));
        assertEquals("extensions[" + Extensions.NATIVE_OPTIONS + "]", field(JobTemplate.builder("/bin/true")
                .extension(Extensions.NATIVE_OPTIONS, "queue 100").build()));
        assertEquals("extensions[" + Extensions.NATIVE_OPTIONS + "]", field(JobTemplate.builder("/bin/true")
                .extension(Extensions.NATIVE_OPTIONS, "-a x=y").build()));
        for (String reserved : List.of("executable = /bin/sh", "Arguments = -c id", "transfer_executable=true")) {
            assertEquals("extensions[" + Extensions.NATIVE_OPTIONS + "]", field(JobTemplate.builder("/bin/true")
                    .extension(Extensions.NATIVE_OPTIONS, reserved).build()), reserved);
        }
        assertEquals("extensions[" + Extensions.NODES + "]", field(JobTemplate.builder("/bin/true").extension(Extensions.NODES, "2").build()));
        assertEquals("args[1]", field(JobTemplate.builder("/bin/true").args("a", "x".repeat(CondorSubmitCommand.MAX_SCRIPT_ARGUMENT)).build()));
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> SUBMIT.check(JobTemplate.builder("/bin/true").email(List.of("a@b.org")).emailOnStarted(true).build()));
        assertEquals("emailOnStarted", e.getAttribute());
    }

    private static String field(JobTemplate t) {
        return assertThrows(InvalidArgumentException.class, () -> SUBMIT.check(t)).getField();
    }

    /** The arguments line, read back as HTCondor reads it and run by bash as the starter runs it, gives the job exactly its argv. */
    @Test
    void arguments_runUnderBashExactly(@TempDir Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("argv");
        List<String> hostile = List.of("double \"quoted\" and single 'quoted'", "  two  spaces\tand a tab  ", "$HOME ${PATH} $(echo x) `id` $$",
                "first line\nsecond\r\n", "äöü 日本語 🚀", "back\\slash \\n \\\\ \\", "", "-n", "$(DOLLAR) $INT(x) $$(y)", "idx-$DRMAA2_INDEX$");
        List<String> args = new ArrayList<>(List.of("-c", "for a; do printf '%s\\0' \"$a\"; done > \"$0\"", out.toString()));
        args.addAll(hostile);
        JobTemplate t = JobTemplate.builder("/bin/bash").args(args).env("TCK_V", "it's $x\n").build();
        String argumentsLine = commands(SUBMIT.description(t, new BulkRange(4, 10, 3, 0), null)).get("arguments");
        assertTrue(argumentsLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "only printable ASCII in the description");
        assertFalse(argumentsLine.replace("$INT(drmaa2j_index)", "").replace("$''", "").contains("$"), "no $ HTCondor could read as a macro");
        List<String> argv = condorArguments(argumentsLine);
        assertEquals("-c", argv.get(0));
        assertEquals("$INT(drmaa2j_index)", argv.get(3));
        List<String> command = new ArrayList<>(List.of("/bin/bash", argv.get(0), argv.get(1), argv.get(2), "7"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        List<String> expected = new ArrayList<>(hostile);
        expected.set(expected.size() - 1, "idx-7");
        assertEquals(expected, List.of(Files.readString(out, StandardCharsets.UTF_8).split("\0", -1)).subList(0, expected.size()));
    }
}
