// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.junit.jupiter.api.Test;

class TemplateTranslatorTest {
    /** What Grid Engine 8.1.9's drmaa_get_attribute_names and drmaa_get_vector_attribute_names list (seen in DrmaaMappingIT). */
    static final Set<String> GE_ATTRIBUTES = Set.of(REMOTE_COMMAND, JS_STATE, WD, JOB_NAME, INPUT_PATH, OUTPUT_PATH,
            ERROR_PATH, JOIN_FILES, JOB_CATEGORY, NATIVE_SPECIFICATION, BLOCK_EMAIL, START_TIME, "drmaa_submit_as_euid",
            V_ARGV, V_ENV, V_EMAIL);
    private final TemplateTranslator ge = new TemplateTranslator(new GridEngineDialect("smp", ZoneOffset.UTC), GE_ATTRIBUTES, "/home/u");
    private final TemplateTranslator plain = new TemplateTranslator(new PlainDialect(), Set.of(), "/home/u");

    @Test
    void basicAttributes_useDrmaa1Attributes() {
        JobTemplate t = JobTemplate.builder("/bin/echo").args("a b", "c").env("X", "1 2").jobName("n")
                .workingDirectory("/w").inputPath("/in").outputPath("/out").errorPath("/err").joinFiles(true)
                .submitAsHold(true).build();
        NativeJobTemplate n = ge.translate(t, null);
        Map<String, String> s = n.scalarMap();
        assertEquals("/bin/echo", s.get(REMOTE_COMMAND));
        assertEquals(SUBMISSION_STATE_HOLD, s.get(JS_STATE));
        assertEquals("/w", s.get(WD));
        assertEquals("n", s.get(JOB_NAME));
        assertEquals(":/in", s.get(INPUT_PATH));
        assertEquals(":/out", s.get(OUTPUT_PATH));
        assertEquals(":/err", s.get(ERROR_PATH));
        assertEquals("y", s.get(JOIN_FILES));
        assertFalse(s.containsKey(NATIVE_SPECIFICATION));
        assertEquals(List.of("a b", "c"), n.vectorMap().get(V_ARGV));
        assertEquals(List.of("X=1 2"), n.vectorMap().get(V_ENV));
        assertEquals(SUBMISSION_STATE_ACTIVE, ge.translate(JobTemplate.builder("/bin/true").build(), null).scalarMap().get(JS_STATE));
    }

    @Test
    void placeholders_inPaths_becomeDrmaa1Placeholders() {
        JobTemplate t = JobTemplate.builder("/bin/true").outputPath(Placeholders.HOME_DIRECTORY + "/o." + Placeholders.PARAMETRIC_INDEX)
                .errorPath(Placeholders.WORKING_DIRECTORY + "/e").workingDirectory(Placeholders.HOME_DIRECTORY + "/d").build();
        Map<String, String> bulk = ge.translate(t, new BulkRange(1, 3, 1, 0)).scalarMap();
        assertEquals(":" + PLACEHOLDER_HD + "/o." + PLACEHOLDER_INCR, bulk.get(OUTPUT_PATH));
        assertEquals(":" + PLACEHOLDER_WD + "/e", bulk.get(ERROR_PATH));
        assertEquals("/home/u/d", bulk.get(WD), "the home placeholder in drmaa_wd is expanded by the driver");
        assertEquals(":" + PLACEHOLDER_HD + "/o.1", ge.translate(t, null).scalarMap().get(OUTPUT_PATH), "index 1 in a single job");
    }

    @Test
    void singleJob_indexInArguments_isOne_withoutAShell() {
        NativeJobTemplate n = ge.translate(JobTemplate.builder("/bin/echo").args("i=" + Placeholders.PARAMETRIC_INDEX).build(), null);
        assertEquals("/bin/echo", n.scalarMap().get(REMOTE_COMMAND));
        assertEquals(List.of("i=1"), n.vectorMap().get(V_ARGV));
    }

    @Test
    void bulkJob_indexInArguments_runsThroughShellWithTheTaskVariable() throws Exception {
        NativeJobTemplate n = ge.translate(JobTemplate.builder("/bin/printf").args("%s\\0", "task " + Placeholders.PARAMETRIC_INDEX + " 'q'").build(),
                new BulkRange(1, 3, 1, 0));
        assertEquals("/bin/sh", n.scalarMap().get(REMOTE_COMMAND));
        assertEquals(List.of("task 7 'q'"), run(n, Map.of("SGE_TASK_ID", "7")));
    }

    @Test
    void bulkJob_indexInArguments_unsupportedWithoutTaskVariable() {
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class, () -> plain.translate(
                JobTemplate.builder("/bin/echo").args("x", Placeholders.PARAMETRIC_INDEX).build(), new BulkRange(1, 2, 1, 0)));
        assertTrue(e.getMessage().contains("args[1]"), e.getMessage());
    }

    @Test
    void argumentsWithLineBreaks_reachArgvExactly_throughAOneLineScript() throws Exception {
        List<String> values = List.of("line one\nline two\n", "back\\slash \\n not a newline", "cr\r", "$HOME `id` 'q' \"d\"", "");
        List<String> args = new ArrayList<>(List.of("%s\\0"));
        args.addAll(values);
        NativeJobTemplate n = ge.translate(JobTemplate.builder("/usr/bin/printf").args(args).build(), null);
        String script = n.vectorMap().get(V_ARGV).get(1);
        assertFalse(script.contains("\n") || script.contains("\r"), script);
        assertEquals(values, run(n, Map.of()));
    }

    @Test
    void homeAndWorkingDirectoryPlaceholdersInArguments_comeFromTheShell() throws Exception {
        NativeJobTemplate n = ge.translate(JobTemplate.builder("/usr/bin/printf")
                .args("%s\\0", Placeholders.HOME_DIRECTORY + "/x", Placeholders.WORKING_DIRECTORY).build(), null);
        assertEquals(List.of("/h/x", "/tmp"), run(n, Map.of("HOME", "/h")));
    }

    @Test
    void gridEngine_optionsGoToTheNativeSpecification() {
        JobTemplate t = JobTemplate.builder("/bin/true").queueName("all.q").accountingId("acct").priority(-10L)
                .rerunnable(true).reservationId("12").extension(Extensions.NATIVE_OPTIONS, "-l arch=lx-amd64\n-notify").build();
        String spec = ge.translate(t, new BulkRange(1, 10, 1, 3)).scalarMap().get(NATIVE_SPECIFICATION);
        assertEquals("-q all.q -A acct -p -10 -r y -ar 12 -tc 3 -l arch=lx-amd64 -notify", spec);
    }

    @Test
    void plain_resourceLimits_wallclockOnlyThroughDrmaa1Attribute() {
        TemplateTranslator withWct = new TemplateTranslator(new PlainDialect(), Set.of(REMOTE_COMMAND, JS_STATE, WCT_HLIMIT), null);
        assertEquals("1:01:01", withWct.translate(JobTemplate.builder("/bin/true").resourceLimit(ResourceLimit.WALLCLOCK_TIME, 3661).build(), null)
                .scalarMap().get(WCT_HLIMIT));
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class, () -> withWct.translate(
                JobTemplate.builder("/bin/true").resourceLimit(ResourceLimit.CPU_TIME, 1).build(), null));
        assertTrue(e.getMessage().contains("CPU_TIME"), e.getMessage());
    }

    @Test
    void plain_startTime_usesTheDrmaa1TimeFormat() {
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        assertEquals("2030/01/02 03:04:05 +00:00",
                plain.translate(JobTemplate.builder("/bin/true").startTime(at).build(), null).scalarMap().get(START_TIME));
    }

    @Test
    void attributeTheLibraryLacks_isUnsupported_namingTheField() {
        Set<String> noInput = new HashSet<>(GE_ATTRIBUTES);
        noInput.remove(INPUT_PATH);
        TemplateTranslator t = new TemplateTranslator(new PlainDialect(), noInput, null);
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> t.translate(JobTemplate.builder("/bin/cat").inputPath("/in").build(), null));
        assertTrue(e.getMessage().contains("inputPath"), e.getMessage());
    }

    @Test
    void bulkIndexBeyondCInt_isRefused() {
        assertThrows(org.drmaa2j.InvalidArgumentException.class,
                () -> ge.translate(JobTemplate.builder("/bin/true").build(), new BulkRange(1, 1L << 32, 1, 0)));
    }

    /** Runs the translated command locally, as the library would, and returns its NUL-separated output. */
    private static List<String> run(NativeJobTemplate n, Map<String, String> env) throws Exception {
        List<String> argv = new ArrayList<>();
        argv.add(n.scalarMap().get(REMOTE_COMMAND));
        argv.addAll(n.vectorMap().get(V_ARGV));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(new java.io.File("/tmp"));
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        String s = out.toString(StandardCharsets.UTF_8);
        return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
    }
}
