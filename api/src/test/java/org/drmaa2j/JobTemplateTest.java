// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobTemplateTest {

    private static InvalidArgumentException rejected(UnaryOperator<JobTemplate.Builder> setup) {
        return assertThrows(InvalidArgumentException.class, () -> setup.apply(JobTemplate.builder("/bin/true")).build());
    }

    private static void assertRejected(String field, UnaryOperator<JobTemplate.Builder> setup) {
        InvalidArgumentException e = rejected(setup);
        assertEquals(field, e.getField());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    @Test
    void build_unpairedSurrogate_namesTheField() {
        assertRejected("args[1]", b -> b.args("ok", "x\ud800"));
        assertRejected("jobEnvironment[V]", b -> b.env("V", "\udc00"));
        assertRejected("jobName", b -> b.jobName("a\ud83d"));
        assertEquals("😀", JobTemplate.builder("/bin/true").jobName("😀").build().getJobName(), "a pair is fine");
    }

    @Test
    void build_minimal_hasDefaults() {
        JobTemplate t = JobTemplate.builder("/bin/echo").build();
        assertEquals("/bin/echo", t.getRemoteCommand());
        assertTrue(t.getArgs().isEmpty());
        assertTrue(t.getJobEnvironment().isEmpty());
        assertFalse(t.isSubmitAsHold());
        assertNull(t.getMinSlots());
        assertNull(t.getWorkingDirectory());
        assertTrue(t.getResourceLimits().isEmpty());
    }

    @Test
    void rerunnable_unsetUnlessSetExplicitly() {
        JobTemplate unset = JobTemplate.builder("/bin/echo").build();
        JobTemplate no = JobTemplate.builder("/bin/echo").rerunnable(false).build();
        JobTemplate yes = JobTemplate.builder("/bin/echo").rerunnable(true).build();
        assertFalse(unset.isRerunnableSet());
        assertFalse(unset.isRerunnable());
        assertTrue(no.isRerunnableSet());
        assertFalse(no.isRerunnable());
        assertTrue(yes.isRerunnableSet());
        assertTrue(yes.isRerunnable());
        assertNotEquals(unset, no);
        assertEquals(no, no.toBuilder().build());
    }

    @Test
    void build_missingRemoteCommand_namesField() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> JobTemplate.builder(null).build());
        assertEquals("remoteCommand", e.getField());
        assertEquals("remoteCommand", assertThrows(InvalidArgumentException.class,
                () -> JobTemplate.builder("  ").build()).getField());
    }

    @Test
    void build_placeholderInRemoteCommand_rejected() {
        assertRejected("remoteCommand", b -> b.remoteCommand("$DRMAA2_HOME_DIR$/bin/tool"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void build_minSlotsBelowOne_namesMinSlots(long slots) {
        InvalidArgumentException e = rejected(b -> b.minSlots(slots));
        assertEquals("minSlots", e.getField());
        assertTrue(e.getMessage().contains(Long.toString(slots)), e.getMessage());
    }

    @Test
    void build_maxSlotsZero_namesMaxSlots() {
        assertRejected("maxSlots", b -> b.maxSlots(0L));
    }

    @Test
    void build_maxSlotsBelowMinSlots_namesMaxSlots() {
        assertRejected("maxSlots", b -> b.minSlots(4L).maxSlots(2L));
    }

    @Test
    void build_maxSlotsEqualMinSlots_accepted() {
        JobTemplate t = JobTemplate.builder("/bin/true").minSlots(2L).maxSlots(2L).build();
        assertEquals(2L, t.getMaxSlots());
    }

    @Test
    void build_unknownPlaceholderInPath_namesFieldAndToken() {
        InvalidArgumentException e = rejected(b -> b.outputPath("/tmp/$DRMAA2_FOO$.out"));
        assertEquals("outputPath", e.getField());
        assertTrue(e.getMessage().contains("$DRMAA2_FOO$"), e.getMessage());
        assertRejected("errorPath", b -> b.errorPath("$DRMAA2_FOO$"));
        assertRejected("inputPath", b -> b.inputPath("$DRMAA2_FOO$"));
        assertRejected("workingDirectory", b -> b.workingDirectory("$DRMAA2_FOO$/x"));
    }

    @Test
    void build_unknownPlaceholderInArg_namesArgIndex() {
        assertRejected("args[1]", b -> b.args("ok", "x$DRMAA2_FOO$y"));
    }

    @Test
    void build_knownPlaceholdersInPathsAndArgs_accepted() {
        JobTemplate t = JobTemplate.builder("/bin/echo")
                .args(Placeholders.PARAMETRIC_INDEX)
                .workingDirectory(Placeholders.HOME_DIRECTORY + "/work")
                .outputPath(Placeholders.WORKING_DIRECTORY + "/out." + Placeholders.PARAMETRIC_INDEX)
                .build();
        assertEquals(List.of("$DRMAA2_INDEX$"), t.getArgs());
    }

    @Test
    void build_knownPlaceholderInJobName_rejected() {
        assertRejected("jobName", b -> b.jobName("job-" + Placeholders.PARAMETRIC_INDEX));
    }

    @Test
    void build_nulInArg_namesArg() {
        assertRejected("args[0]", b -> b.args("a\0b"));
    }

    @Test
    void build_nullArg_namesArg() {
        List<String> args = new ArrayList<>();
        args.add("a");
        args.add(null);
        assertRejected("args[1]", b -> b.args(args));
    }

    @Test
    void build_nulInEnvValue_namesVariable() {
        assertRejected("jobEnvironment[X]", b -> b.env("X", "a\0b"));
    }

    @Test
    void build_nullEnvValue_namesVariable() {
        Map<String, String> env = new HashMap<>();
        env.put("X", null);
        assertRejected("jobEnvironment[X]", b -> b.jobEnvironment(env));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1ABC", "A-B", "A B", "A=B", "Ä"})
    void build_badEnvName_namesJobEnvironment(String name) {
        InvalidArgumentException e = rejected(b -> b.env(name, "v"));
        assertEquals("jobEnvironment", e.getField());
    }

    @Test
    void build_nullEnvName_namesJobEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put(null, "v");
        assertRejected("jobEnvironment", b -> b.jobEnvironment(env));
    }

    @Test
    void build_validEnvNames_accepted() {
        JobTemplate t = JobTemplate.builder("/bin/true").env("_A1", "x").env("path", "").build();
        assertEquals(Map.of("_A1", "x", "path", ""), t.getJobEnvironment());
    }

    @Test
    void build_deadlineBeforeStart_namesDeadline() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        assertRejected("deadlineTime", b -> b.startTime(start).deadlineTime(start.minusSeconds(1)));
    }

    @Test
    void build_deadlineEqualsStart_accepted() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(start, JobTemplate.builder("/bin/true").startTime(start).deadlineTime(start).build().getDeadlineTime());
    }

    @Test
    void build_negativeResourceLimit_namesLimit() {
        assertRejected("resourceLimits[CPU_TIME]", b -> b.resourceLimit(ResourceLimit.CPU_TIME, -1));
    }

    @Test
    void build_nullResourceLimitValue_namesLimit() {
        Map<ResourceLimit, Long> limits = new HashMap<>();
        limits.put(ResourceLimit.WALLCLOCK_TIME, null);
        assertRejected("resourceLimits[WALLCLOCK_TIME]", b -> b.resourceLimits(limits));
    }

    @Test
    void build_zeroResourceLimit_accepted() {
        assertEquals(0L, JobTemplate.builder("/bin/true").resourceLimit(ResourceLimit.FILE_SIZE, 0).build()
                .getResourceLimits().get(ResourceLimit.FILE_SIZE));
    }

    @Test
    void build_negativeMinPhysMemory_namesField() {
        assertRejected("minPhysMemory", b -> b.minPhysMemory(-1L));
    }

    @Test
    void build_nulInOtherText_namesField() {
        assertRejected("queueName", b -> b.queueName("q\0"));
        assertRejected("email[0]", b -> b.email(List.of("a\0@b")));
        assertRejected("candidateMachines[0]", b -> b.candidateMachines(List.of("n\0")));
        assertRejected("extensions[k]", b -> b.extension("k", "\0"));
    }

    @Test
    void build_stagingWithUnknownPlaceholder_namesField() {
        assertRejected("stageInFiles", b -> b.stageInFiles(Map.of("$DRMAA2_FOO$", "/x")));
    }

    @Test
    void build_emptyExtensionKey_rejected() {
        assertRejected("extensions", b -> b.extension(" ", "v"));
    }

    @Test
    void toBuilder_roundTrip_equalsAndSameHash() {
        JobTemplate t = fullTemplate();
        JobTemplate copy = t.toBuilder().build();
        assertEquals(t, copy);
        assertEquals(t.hashCode(), copy.hashCode());
        assertEquals(t.getStageOutFiles(), copy.getStageOutFiles());
        assertEquals(t.getResourceLimits(), copy.getResourceLimits());
    }

    @Test
    void toBuilder_changedCopy_notEqualAndOriginalUnchanged() {
        JobTemplate t = fullTemplate();
        JobTemplate changed = t.toBuilder().args("other").build();
        assertNotEquals(t, changed);
        assertEquals(List.of("a", "b c"), t.getArgs());
        assertNotEquals(t, t.toBuilder().joinFiles(false).build());
        assertNotEquals(t, t.toBuilder().deadlineTime(null).build());
        assertNotEquals(t, t.toBuilder().resourceLimit(ResourceLimit.CPU_TIME, 7).build());
    }

    @Test
    void collections_areImmutable() {
        JobTemplate t = fullTemplate();
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getArgs().add("x"));
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getJobEnvironment().put("Y", "y"));
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getEmail().clear());
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getCandidateMachines().add("n"));
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getStageInFiles().clear());
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getStageOutFiles().clear());
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getResourceLimits().clear());
        assertThrows(java.lang.UnsupportedOperationException.class, () -> t.getExtensions().put("k", "v"));
    }

    @Test
    void builderInputs_areCopied() {
        List<String> args = new ArrayList<>(List.of("a"));
        Map<String, String> env = new HashMap<>(Map.of("A", "1"));
        JobTemplate.Builder b = JobTemplate.builder("/bin/true").args(args).jobEnvironment(env);
        JobTemplate t = b.build();
        args.add("b");
        env.put("B", "2");
        b.env("C", "3").args("z");
        assertEquals(List.of("a"), t.getArgs());
        assertEquals(Map.of("A", "1"), t.getJobEnvironment());
    }

    @Test
    void toString_namesEnvironmentButHidesValues() {
        JobTemplate t = JobTemplate.builder("/bin/true").env("API_TOKEN", "s3cr3t-value").args("--password", "hunter2").build();
        String s = t.toString();
        assertTrue(s.contains("API_TOKEN"), s);
        assertFalse(s.contains("s3cr3t-value"), s);
        assertFalse(s.contains("hunter2"), s);
    }

    private static JobTemplate fullTemplate() {
        return JobTemplate.builder("/bin/echo")
                .args("a", "b c")
                .submitAsHold(true)
                .rerunnable(true)
                .env("A", "1")
                .workingDirectory("/tmp")
                .jobCategory("cat")
                .email(List.of("x@example.org"))
                .emailOnStarted(true)
                .emailOnTerminated(true)
                .jobName("name")
                .inputPath("/dev/null")
                .outputPath("/tmp/out")
                .errorPath("/tmp/err")
                .joinFiles(true)
                .reservationId("r1")
                .queueName("q")
                .minSlots(1L)
                .maxSlots(4L)
                .priority(5L)
                .candidateMachines(List.of("n1", "n2"))
                .minPhysMemory(1024L)
                .machineOS(OperatingSystem.LINUX)
                .machineArch(CpuArchitecture.X64)
                .startTime(Instant.parse("2030-01-01T00:00:00Z"))
                .deadlineTime(Instant.parse("2030-01-02T00:00:00Z"))
                .stageInFiles(Map.of("/a", "/b"))
                .stageOutFiles(Map.of("/c", "/d"))
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 60)
                .accountingId("acct")
                .extension(Extensions.NODES, "2")
                .build();
    }
}
