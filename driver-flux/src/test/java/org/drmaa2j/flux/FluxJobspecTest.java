// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's own jobspecs: every template attribute, every refusal, the script byte for byte. */
class FluxJobspecTest {
    private static final ScriptRenderer RENDERER = ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of());
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u");

    private static FluxJobRequest request(JobTemplate t) {
        return FluxJobRequest.of(t, RENDERER, "/home/u", true);
    }

    private static ObjectNode single(JobTemplate t) {
        FluxJobRequest r = request(t);
        return FluxJobspec.task(FluxJobspec.base(r, ENV), r, 1, false, null);
    }

    private static JsonNode system(JsonNode spec) {
        return spec.path("attributes").path("system");
    }

    @Test
    void minimalJob_runsTheScriptFromTheFileArchive() {
        ObjectNode spec = single(JobTemplate.builder("/bin/true").build());
        assertEquals(1, spec.get("version").asInt());
        assertEquals("[\"/bin/sh\",\"{{tmpdir}}/drmaa2j.sh\"]", spec.path("tasks").get(0).get("command").toString());
        assertEquals("{\"type\":\"slot\",\"count\":1,\"with\":[{\"type\":\"core\",\"count\":1}],\"label\":\"task\"}",
                spec.path("resources").get(0).toString());
        assertEquals("{\"per_slot\":1}", spec.path("tasks").get(0).get("count").toString());
        JsonNode sys = system(spec);
        assertEquals(0, sys.get("duration").asDouble());
        assertEquals("/home/u", sys.get("cwd").asText());
        assertEquals(ENV, FluxJobRecords.MAPPER.convertValue(sys.get("environment"), Map.class));
        JsonNode file = sys.path("files").path(FluxJobspec.SCRIPT_NAME);
        assertEquals(0100600, file.get("mode").asInt());
        assertEquals("utf-8", file.get("encoding").asText());
        assertTrue(file.get("data").asText().startsWith("#!/bin/sh\n"));
        assertFalse(sys.has("shell"), "no shell options unless asked for");
        assertFalse(spec.path("attributes").has("user"), "no tag unless given");
    }

    @Test
    void everySupportedAttributeBecomesItsJobspecField() {
        Instant start = Instant.ofEpochSecond(1795300000L, 250_000_000);
        JobTemplate t = JobTemplate.builder("/bin/echo")
                .jobName("my job; rm -rf ~ `id` {0}").workingDirectory("$DRMAA2_HOME_DIR$/w d")
                .outputPath("$DRMAA2_WORKING_DIR$/out_$DRMAA2_INDEX$.txt").errorPath("/tmp/err").inputPath("/tmp/in")
                .queueName("batch").accountingId("proj \"x\"").minSlots(4L).priority(4L)
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90).resourceLimit(ResourceLimit.CPU_TIME, 60)
                .resourceLimit(ResourceLimit.OPEN_FILES, 64).resourceLimit(ResourceLimit.VIRTUAL_MEMORY, 1024)
                .resourceLimit(ResourceLimit.DATA_SIZE, 2).resourceLimit(ResourceLimit.STACK_SIZE, 3)
                .resourceLimit(ResourceLimit.CORE_FILE_SIZE, 0).resourceLimit(ResourceLimit.FILE_SIZE, 5)
                .startTime(start)
                .extension(Extensions.NODES, "2").extension(Extensions.TASKS_PER_NODE, "2")
                .extension(Extensions.CPUS_PER_TASK, "3").extension(Extensions.GPUS_PER_NODE, "2")
                .extension(Extensions.DEPENDENCIES, "afterok:fC6RdJf:fT5CNSj,afterany:friYv7h")
                .build();
        FluxJobRequest r = request(t);
        assertEquals(20, r.urgencyOrDefault(), "priority 4 is urgency 16 + 4");
        ObjectNode spec = FluxJobspec.task(FluxJobspec.base(r, ENV), r, 1, false, "0123456789ab.cdef01234567");
        assertEquals("{\"type\":\"node\",\"count\":2,\"with\":[{\"type\":\"slot\",\"count\":2,\"with\":[{\"type\":\"core\",\"count\":3},"
                + "{\"type\":\"gpu\",\"count\":1}],\"label\":\"task\"}]}", spec.path("resources").get(0).toString());
        assertEquals("{\"per_slot\":1}", spec.path("tasks").get(0).get("count").toString());
        JsonNode sys = system(spec);
        assertEquals("my job; rm -rf ~ `id` {0}", sys.path("job").get("name").asText(), "no text is formatted any more");
        assertEquals("/home/u/w d", sys.get("cwd").asText());
        assertEquals("{\"stdout\":{\"type\":\"file\",\"path\":\"/home/u/w d/out_1.txt\"},\"stderr\":{\"type\":\"file\",\"path\":\"/tmp/err\"}}",
                sys.path("shell").path("options").path("output").toString());
        assertEquals("{\"stdin\":{\"type\":\"file\",\"path\":\"/tmp/in\"}}", sys.path("shell").path("options").path("input").toString());
        assertEquals("batch", sys.get("queue").asText());
        assertEquals("proj \"x\"", sys.get("bank").asText());
        assertEquals(90.0, sys.get("duration").asDouble());
        assertEquals("{\"as\":1048576,\"core\":0,\"cpu\":60,\"data\":2048,\"fsize\":5120,\"nofile\":64,\"stack\":3072}",
                sys.path("shell").path("options").path("rlimit").toString());
        assertEquals("[{\"scheme\":\"begin-time\",\"value\":\"1795300000.250\"},{\"scheme\":\"afterok\",\"value\":\"fC6RdJf\"},"
                + "{\"scheme\":\"afterok\",\"value\":\"fT5CNSj\"},{\"scheme\":\"afterany\",\"value\":\"friYv7h\"}]",
                sys.get("dependencies").toString());
        assertEquals("drmaa2j:0123456789ab.cdef01234567", FluxJobspec.tagOf(spec));
        assertFalse(spec.path("attributes").path("user").path("drmaa2j").has("task"), "a single job has no task index");
    }

    /**
     * The driver's jobspec is the one {@code flux submit} builds for the same request: every case
     * of the real flux-core 0.88.0 sample ({@code flux submit --dry-run} with the options
     * {@link FluxSubmitCommand#dryRunArgs} gives the template) equals the driver's own jobspec, apart
     * from what differs by design: the environment's values, and the resource limits flux submit
     * copies from its own process when the template sets none (the job then has the instance's).
     */
    @Test
    void sameJobspecAsFluxSubmitDryRun_onRealFlux088() {
        Map<String, JobTemplate> cases = Map.of(
                "minimal", JobTemplate.builder("/bin/true").build(),
                "everything", JobTemplate.builder("/bin/echo").jobName("my job {0}").workingDirectory("/home/drmaa")
                        .outputPath("/tmp/out_$DRMAA2_INDEX$.txt").errorPath("/tmp/err").inputPath("/tmp/in")
                        .queueName("debug").minSlots(2L).priority(4L)
                        .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 90).resourceLimit(ResourceLimit.CPU_TIME, 60)
                        .resourceLimit(ResourceLimit.OPEN_FILES, 64).resourceLimit(ResourceLimit.FILE_SIZE, 5)
                        .startTime(Instant.ofEpochSecond(1795300000L, 250_000_000))
                        .extension(Extensions.CPUS_PER_TASK, "1").extension(Extensions.DEPENDENCIES, "afterany:fC6RdJf").build(),
                "nodes", JobTemplate.builder("/bin/true").extension(Extensions.NODES, "1").build(),
                "nodesTasks", JobTemplate.builder("/bin/true").minSlots(3L).extension(Extensions.NODES, "1").build(),
                "gpus", JobTemplate.builder("/bin/true").minSlots(2L).extension(Extensions.NODES, "1").extension(Extensions.GPUS_PER_NODE, "2").build(),
                "joined", JobTemplate.builder("/bin/true").errorPath("/tmp/e").joinFiles(true).build(),
                "bank", JobTemplate.builder("/bin/true").accountingId("proj \"x\"").build());
        String[] blocks = FluxSamples.read("flux088_real_dry_run_jobspecs.txt").split("### ");
        int compared = 0;
        for (String block : blocks) {
            String[] lines = block.strip().split("\n");
            if (lines.length != 3) continue;
            JobTemplate t = cases.get(lines[0].strip());
            FluxJobRequest r = FluxJobRequest.of(t, RENDERER, "/home/drmaa", false);
            JsonNode argv = FluxJobRecords.parseRecord(lines[1]);
            List<String> ours = new ArrayList<>(List.of("submit"));
            ours.addAll(FluxSubmitCommand.dryRunArgs(r));
            assertEquals(ours.toString(), FluxJobRecords.MAPPER.convertValue(argv, List.class).toString(), lines[0]);
            ObjectNode fluxs = (ObjectNode) FluxJobRecords.parseRecord(lines[2]);
            ObjectNode mine = (ObjectNode) FluxJobRecords.parseRecord(FluxJobspec.write(FluxJobspec.task(FluxJobspec.base(r, Map.of()), r, 1, false, null)));
            ((ObjectNode) mine.path("attributes").path("system")).remove("files"); // the dry run had no script
            byDesign(fluxs, mine);
            byDesign(mine, mine);
            assertEquals(fluxs, mine, lines[0]);
            compared++;
        }
        assertEquals(cases.size(), compared);
    }

    /** Drops the environment and the resource limits the driver did not set. */
    private static void byDesign(ObjectNode spec, ObjectNode mine) {
        ObjectNode system = (ObjectNode) spec.path("attributes").path("system");
        system.remove("environment");
        JsonNode set = mine.path("attributes").path("system").path("shell").path("options").path("rlimit");
        JsonNode options = system.path("shell").path("options");
        if (options.path("rlimit").isObject()) {
            ObjectNode rl = (ObjectNode) options.path("rlimit");
            rl.retain(iterable(set.fieldNames()));
            if (rl.isEmpty()) ((ObjectNode) options).remove("rlimit");
            if (options.isEmpty()) system.remove("shell");
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void bulkTasks_eachHasItsIndexInEnvironmentPathsAndWorkingDirectory() {
        FluxJobRequest r = request(JobTemplate.builder("/bin/true").workingDirectory("/scratch/$DRMAA2_INDEX$")
                .outputPath("o.$DRMAA2_INDEX$").resourceLimit(ResourceLimit.CPU_TIME, 10).build());
        ObjectNode base = FluxJobspec.base(r, ENV);
        for (long i : List.of(1L, 7L)) {
            ObjectNode spec = FluxJobspec.task(base, r, i, true, "0123456789ab.cdef01234567");
            JsonNode sys = system(spec);
            assertEquals(Long.toString(i), sys.path("environment").get("FLUX_JOB_CC").asText());
            assertEquals("/scratch/" + i, sys.get("cwd").asText());
            assertEquals("/scratch/" + i + "/o." + i, sys.path("shell").path("options").path("output").path("stdout").get("path").asText());
            assertEquals(10, sys.path("shell").path("options").path("rlimit").get("cpu").asInt(), "limits reach every task");
            assertEquals(r.script(), sys.path("files").path(FluxJobspec.SCRIPT_NAME).get("data").asText(), "the script reaches every task");
            assertEquals(i, spec.path("attributes").path("user").path("drmaa2j").get("task").asLong());
        }
        assertFalse(system(base).path("environment").has("FLUX_JOB_CC"), "the base is not changed");
    }

    /**
     * Why bulk jobs are not {@code flux submit --cc}: on real flux-core 0.88.0 its jobspec has no
     * file archive and the default limits (the sample's dry runs with and without {@code --cc}).
     * Every task the driver builds carries both.
     */
    @Test
    void bulkTasksCarryScriptAndLimits_whichFluxSubmitCcDropped_onRealFlux088() {
        String probe = FluxSamples.read("flux088_real_probes_signal_addfile_cc_dash.txt");
        String cc = probe.substring(probe.indexOf("### --cc drops"), probe.indexOf("### dash"));
        List<String> printed = cc.lines().filter(l -> l.startsWith("True ") || l.startsWith("False ")).toList();
        assertEquals(2, printed.size(), cc);
        assertTrue(printed.get(0).startsWith("True {'cpu': 10,"), "without --cc: the file and the limit are there");
        assertTrue(printed.get(1).startsWith("False {'cpu': -1,"), "with --cc: neither");
        FluxJobRequest r = request(JobTemplate.builder("/bin/true").resourceLimit(ResourceLimit.CPU_TIME, 10).build());
        ObjectNode base = FluxJobspec.base(r, ENV);
        for (long i = 1; i <= 2; i++) {
            JsonNode sys = system(FluxJobRecords.parseRecord(FluxJobspec.write(FluxJobspec.task(base, r, i, true, null))));
            assertTrue(sys.path("files").has(FluxJobspec.SCRIPT_NAME), "task " + i);
            assertEquals(10, sys.path("shell").path("options").path("rlimit").get("cpu").asInt(), "task " + i);
        }
    }

    /**
     * On real flux-core 0.88.0, {@code --add-file} turned the two characters {@code \n} of its data
     * into a newline (the sample's jobspec and the job's output). The driver writes the file archive
     * itself: the same script text reaches Flux unchanged.
     */
    @Test
    void scriptTextIsNotRewritten_asFluxSubmitAddFileDid_onRealFlux088() {
        String probe = FluxSamples.read("flux088_real_probes_signal_addfile_cc_dash.txt");
        String section = probe.substring(probe.indexOf("### --add-file rewrites"), probe.indexOf("### --cc drops"));
        String filesLine = section.lines().filter(l -> l.startsWith("{\"drmaa2j.sh\"")).findFirst().orElseThrow();
        String fluxData = FluxJobRecords.parseRecord(filesLine).path("drmaa2j.sh").get("data").asText();
        String sent = "#!/bin/sh\nprintf \"%s|\" 'back\\slash \\n \\\\ end'\n";
        assertEquals(sent.replace("\\n", "\n"), fluxData, "flux submit --add-file rewrote \\n");
        assertTrue(section.contains("back\\slash \n \\\\ end|"), "and the job printed the rewritten text");
        String text = "back\\slash \\n \\\\ end";
        FluxJobRequest r = request(JobTemplate.builder("/usr/bin/printf").args("%s|", text).build());
        JsonNode received = FluxJobRecords.parseRecord(FluxJobspec.write(single(JobTemplate.builder("/usr/bin/printf").args("%s|", text).build())));
        String data = system(received).path("files").path(FluxJobspec.SCRIPT_NAME).get("data").asText();
        assertEquals(r.script(), data);
        assertTrue(data.contains("'back\\slash \\n \\\\ end'"), data);
    }

    @Test
    void resources_followFluxSubmitsPerTaskModel() {
        // only nodes: one task per node, nodes allocated whole (flux submit -N2)
        ObjectNode nodes = single(JobTemplate.builder("/bin/true").extension(Extensions.NODES, "2").build());
        assertEquals("{\"type\":\"node\",\"count\":2,\"exclusive\":true,\"with\":[{\"type\":\"slot\",\"count\":1,"
                + "\"with\":[{\"type\":\"core\",\"count\":1}],\"label\":\"task\"}]}", nodes.path("resources").get(0).toString());
        // tasks that do not divide over the nodes: a total count (flux submit -N2 -n3)
        ObjectNode uneven = single(JobTemplate.builder("/bin/true").minSlots(3L).extension(Extensions.NODES, "2").build());
        assertEquals(2, uneven.path("resources").get(0).path("with").get(0).get("count").asInt());
        assertEquals("{\"total\":3}", uneven.path("tasks").get(0).get("count").toString());
        ObjectNode tasks = single(JobTemplate.builder("/bin/true").minSlots(4L).build());
        assertEquals(4, tasks.path("resources").get(0).get("count").asInt());
    }

    @Test
    void priority_anyValueMapsOntoUrgencies1To31() {
        assertEquals(16, FluxJobRequest.urgency(0), "priority 0 is Flux's default");
        assertEquals(1, FluxJobRequest.urgency(-15));
        assertEquals(1, FluxJobRequest.urgency(-1024));
        assertEquals(31, FluxJobRequest.urgency(15));
        assertEquals(31, FluxJobRequest.urgency(Long.MAX_VALUE));
        assertEquals(1, FluxJobRequest.urgency(Long.MIN_VALUE));
        assertEquals(15, FluxJobRequest.urgency(-1));
        assertEquals(16, request(JobTemplate.builder("/bin/true").build()).urgencyOrDefault());
        assertEquals(16, request(JobTemplate.builder("/bin/true").priority(0L).build()).urgencyOrDefault(), "priority 0 submits");
        assertEquals("16", FluxControl.urgency(JobTemplate.builder("/bin/true").priority(0L).build()), "a release goes back to it");
        assertEquals("default", FluxControl.urgency(JobTemplate.builder("/bin/true").build()));
    }

    @Test
    void rejectsValuesFluxCannotTake_namingTheField() {
        field("jobName", JobTemplate.builder("/bin/true").jobName("a\nb").build());
        field("outputPath", JobTemplate.builder("/bin/true").outputPath("/tmp/{{id}}").build());
        field("errorPath", JobTemplate.builder("/bin/true").errorPath("/tmp/x}}").build());
        field("inputPath", JobTemplate.builder("/bin/true").inputPath("/tmp/a\rb").build());
        field("queueName", JobTemplate.builder("/bin/true").queueName("q\n").build());
        field("workingDirectory", JobTemplate.builder("/bin/true").workingDirectory("$DRMAA2_WORKING_DIR$/x").build());
        field("extensions[" + Extensions.NATIVE_OPTIONS + "]", JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "rm -rf /").build());
        field("extensions[" + Extensions.DEPENDENCIES + "]", JobTemplate.builder("/bin/true").extension(Extensions.DEPENDENCIES, "afterok:1;reboot").build());
        field("extensions[" + Extensions.GPUS_PER_NODE + "]", JobTemplate.builder("/bin/true").extension(Extensions.GPUS_PER_NODE, "3")
                .extension(Extensions.NODES, "1").extension(Extensions.TASKS_PER_NODE, "2").build());
        field("extensions[" + Extensions.NODES + "]", JobTemplate.builder("/bin/true").extension(Extensions.NODES, "0").build());
        field("extensions[" + Extensions.NODES + "]", JobTemplate.builder("/bin/true").minSlots(1L).extension(Extensions.NODES, "2").build());
        // braces were refused for bulk jobs while flux submit --cc formatted the values: no longer
        assertEquals("a{0}", request(JobTemplate.builder("/bin/true").jobName("a{0}").queueName("q}").build()).jobName());
    }

    private static void field(String name, JobTemplate t) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> request(t));
        assertEquals(name, e.getField());
    }

    @Test
    void relativePathsAreMadeAbsolute_soFluxNeverReadsThemAsItsOwnWords() {
        FluxJobRequest r = request(JobTemplate.builder("/bin/true").workingDirectory("/w").outputPath("none").errorPath("kvs").inputPath("3").build());
        assertEquals(List.of("/w/none", "/w/kvs", "/w/3"), List.of(r.output(), r.error(), r.input()));
        FluxJobRequest joined = request(JobTemplate.builder("/bin/true").errorPath("/tmp/e").joinFiles(true).build());
        assertEquals("/tmp/e", joined.output());
        assertNull(joined.error(), "joined: stderr goes where stdout goes");
    }

    /**
     * A relative working directory is relative to the home directory (the kit's rule, {@code JobPaths}):
     * on real flux-core 0.88.0 the job shell took a relative cwd against its own directory and ran
     * the job in /tmp instead (sample flux088_real_relative_cwd.txt).
     */
    @Test
    void relativeWorkingDirectory_isUnderTheHomeDirectory() {
        FluxJobRequest r = request(JobTemplate.builder("/bin/true").workingDirectory("w d/$DRMAA2_INDEX$").outputPath("o").build());
        assertEquals("/home/u/w d/3", r.cwdFor(3));
        assertEquals("/home/u/w d/$DRMAA2_INDEX$/o", r.output());
        assertEquals("/home/u/w", request(JobTemplate.builder("/bin/true").workingDirectory("w").build()).cwdFor(1));
        assertEquals("/home/u", request(JobTemplate.builder("/bin/true").workingDirectory("").build()).cwdFor(1));
        assertEquals("/home/u/w", system(single(JobTemplate.builder("/bin/true").workingDirectory("w").build())).get("cwd").asText());
    }

    @Test
    void capabilities_refuseEverythingFluxDoesNotHonour() {
        Set<Capability> caps = FluxBackend.CAPABILITIES;
        Map<String, JobTemplate> unsupported = Map.ofEntries(
                Map.entry("email", JobTemplate.builder("/bin/true").email(List.of("a@b.c")).build()),
                Map.entry("stageInFiles", JobTemplate.builder("/bin/true").stageInFiles(Map.of("/a", "/b")).build()),
                Map.entry("deadlineTime", JobTemplate.builder("/bin/true").deadlineTime(Instant.now().plusSeconds(60)).build()),
                Map.entry("maxSlots", JobTemplate.builder("/bin/true").maxSlots(2L).build()),
                Map.entry("minPhysMemory", JobTemplate.builder("/bin/true").minPhysMemory(1024L).build()),
                Map.entry("candidateMachines", JobTemplate.builder("/bin/true").candidateMachines(List.of("n1")).build()),
                Map.entry("machineOS", JobTemplate.builder("/bin/true").machineOS(OperatingSystem.LINUX).build()),
                Map.entry("machineArch", JobTemplate.builder("/bin/true").machineArch(CpuArchitecture.X64).build()),
                Map.entry("reservationId", JobTemplate.builder("/bin/true").reservationId("r").build()),
                Map.entry("rerunnable", JobTemplate.builder("/bin/true").rerunnable(true).build()),
                Map.entry("jobCategory", JobTemplate.builder("/bin/true").jobCategory("c").build()));
        unsupported.forEach((attr, t) -> {
            UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                    () -> TemplateChecks.requireCapabilities(t, caps, Set.of()), attr);
            assertEquals(attr, e.getAttribute());
        });
        UnsupportedAttributeException mem = assertThrows(UnsupportedAttributeException.class, () -> TemplateChecks.requireKnownExtensions(
                JobTemplate.builder("/bin/true").extension(Extensions.MEMORY_PER_NODE_MB, "100").build(), FluxBackend.EXTENSIONS.keys()));
        assertEquals("extensions[" + Extensions.MEMORY_PER_NODE_MB + "]", mem.getAttribute());
        assertFalse(caps.contains(Capability.JOB_SUSPEND));
        assertTrue(caps.contains(Capability.BULK_JOBS_MAXPARALLEL));
    }

    /**
     * What the job runs is the file archive's data, unchanged: here it is written out as the job
     * shell does and run with this machine's /bin/sh (dash on Debian, as on the Flux nodes seen).
     */
    @Test
    void script_runsTheCommandWithExactArgvEnvironmentAndIndex_underPosixSh(@TempDir Path dir) throws Exception {
        List<String> args = List.of("it's", "$HOME", "`touch " + dir.resolve("pwned") + "`", "a\nb", "ü ✓", "idx=$DRMAA2_INDEX$",
                "{cc}", "{{tmpdir}}", "back\\slash \\n \\\\ end", "dos\r\nline", "\r", "x\nflux: --setattr=evil=1");
        List<String> argv = new ArrayList<>(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '%s\\0' \"$V\"", "sh"));
        argv.addAll(args);
        JobTemplate t = JobTemplate.builder("/bin/sh").args(argv).env("V", "x'y\"z $(id) ${HOME} {cc} \\n\r").build();
        FluxJobRequest r = request(t);
        ObjectNode spec = FluxJobspec.task(FluxJobspec.base(r, ENV), r, 7, true, null);
        // the jobspec as Flux receives it: ASCII JSON, read back by a JSON parser
        String wire = FluxJobspec.write(spec);
        assertTrue(wire.chars().allMatch(c -> c < 128), "ASCII only on the wire");
        JsonNode received = FluxJobRecords.parseRecord(wire);
        String script = received.path("attributes").path("system").path("files").path(FluxJobspec.SCRIPT_NAME).get("data").asText();
        assertEquals(r.script(), script, "byte for byte");
        assertFalse(script.contains("$'"), "POSIX sh only");
        Path file = dir.resolve(FluxJobspec.SCRIPT_NAME);
        Files.writeString(file, script, StandardCharsets.UTF_8);
        String index = received.path("attributes").path("system").path("environment").get("FLUX_JOB_CC").asText();
        CommandResult out = new LocalCommandRunner(Map.of("FLUX_JOB_CC", index)).run(Command.of("/bin/sh", file.toString()));
        assertEquals(0, out.exitCode(), out.stderr());
        List<String> expected = new ArrayList<>(args);
        expected.set(5, "idx=7");
        expected.add("x'y\"z $(id) ${HOME} {cc} \\n\r");
        assertEquals(expected, List.of(out.stdout().split("\0", -1)).subList(0, expected.size()));
        assertFalse(Files.exists(dir.resolve("pwned")));
        CommandResult single = new LocalCommandRunner().run(Command.of("/bin/sh", file.toString()));
        assertTrue(single.stdout().contains("idx=1\0"), "a single job has index 1");
    }

    @Test
    void script_exitStatusIsTheCommands_andASignalIsLeftForTheDriver(@TempDir Path dir) throws Exception {
        FluxJobRequest exit3 = request(JobTemplate.builder("/bin/sh").args("-c", "exit 3").build());
        Path file = dir.resolve("exit3.sh");
        Files.writeString(file, exit3.script(), StandardCharsets.UTF_8);
        assertEquals(3, new LocalCommandRunner().run(Command.of("/bin/sh", file.toString())).exitCode());
        // a command killed by SIGKILL: the script ends with the shell's 137 and calls flux job memo;
        // a recorder named flux on the PATH writes down the call (what Flux does with it is in the
        // real sample flux088_real_signal_memo.txt, FluxEndsTest)
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path memo = dir.resolve("memo.args");
        Files.writeString(bin.resolve("flux"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + memo + "'\n", StandardCharsets.UTF_8);
        assertTrue(bin.resolve("flux").toFile().setExecutable(true));
        FluxJobRequest killed = request(JobTemplate.builder("/bin/sh").args("-c", "kill -s KILL $$").build());
        Path k = dir.resolve("killed.sh");
        Files.writeString(k, killed.script(), StandardCharsets.UTF_8);
        CommandResult r = new LocalCommandRunner(Map.of("PATH", bin + ":/usr/bin:/bin", "FLUX_JOB_ID", "f3BJQiLV5"))
                .run(Command.of("/bin/sh", k.toString()));
        assertEquals(137, r.exitCode());
        assertEquals(List.of("job", "memo", "f3BJQiLV5", "drmaa2j.signal=9"), Files.readAllLines(memo));
    }

    /**
     * {@code $DRMAA2_WORKING_DIR$} and {@code $DRMAA2_HOME_DIR$} in the arguments are the job's
     * working directory and the home directory (TCK PH-4 on real flux-core 0.88.0 found them passed
     * on literally); in a bulk job the working directory's index is the task's.
     */
    @Test
    void script_argsPlaceholders_areTheWorkingAndHomeDirectories(@TempDir Path dir) throws Exception {
        String home = dir.resolve("home u").toString();
        JobTemplate t = JobTemplate.builder("/bin/sh")
                .args("-c", "printf '%s\\n' \"$@\"", "sh", "$DRMAA2_WORKING_DIR$", "$DRMAA2_HOME_DIR$/x", "$DRMAA2_INDEX$")
                .workingDirectory("$DRMAA2_HOME_DIR$/w $DRMAA2_INDEX$").build();
        FluxJobRequest r = FluxJobRequest.of(t, RENDERER, home, true);
        Path file = dir.resolve(FluxJobspec.SCRIPT_NAME);
        Files.writeString(file, r.script(), StandardCharsets.UTF_8);
        CommandResult task3 = new LocalCommandRunner(Map.of("FLUX_JOB_CC", "3")).run(Command.of("/bin/sh", file.toString()));
        assertEquals(0, task3.exitCode(), task3.stderr());
        assertEquals(List.of(home + "/w 3", home + "/x", "3"), task3.stdout().lines().toList());
        assertEquals(r.cwdFor(3), task3.stdout().lines().findFirst().orElseThrow(), "the directory Flux runs task 3 in");
        CommandResult single = new LocalCommandRunner().run(Command.of("/bin/sh", file.toString()));
        assertEquals(List.of(home + "/w 1", home + "/x", "1"), single.stdout().lines().toList());
    }
}
