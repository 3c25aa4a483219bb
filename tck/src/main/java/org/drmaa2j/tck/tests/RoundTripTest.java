// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Template values with characters a shell treats specially arrive in the job exactly. A driver may
 * instead refuse a value with {@link InvalidArgumentException} naming the field; that and nothing
 * else is the accepted alternative.
 */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class RoundTripTest {
    static final String QUOTES = "double \"quoted\" and single 'quoted' and \"'mixed'\"";
    static final String SPACES = "  two  spaces\tand a tab  ";
    static final String DOLLARS = "$HOME ${PATH} $(echo injected) $((1+1)) $1 $@ $$";
    static final String BACKTICKS = "`echo injected` and \\`escaped\\`";
    static final String NEWLINES = "first line\nsecond line\n\nafter a blank line\r\n";
    static final String NON_ASCII = "äöü ß ñ é — 日本語 Ελληνικά 🚀";
    static final String METACHARS = "a; echo b && c || d | e > f < g & h * ? [x] ~ # ! { } ( )";
    static final String BACKSLASHES = "back\\slash \\n \\\\ \\";

    private static void fieldNamed(InvalidArgumentException e, String field) {
        String f = e.getField();
        assertTrue(f != null && (f.equals(field) || f.startsWith(field + "[")),
                () -> "a refused value must be named by its field (" + field + "): " + e.getMessage());
    }

    /** @return the submitted job, or null when the driver refused the value naming the field */
    private static Job runOrRefused(JobSession s, JobTemplate t, String field) {
        int before = s.getJobs(null).size();
        try {
            return s.runJob(t);
        } catch (InvalidArgumentException e) {
            fieldNamed(e, field);
            assertEquals(before, s.getJobs(null).size(), "a refused job must not be submitted");
            return null;
        }
    }

    private static void args(Tck tck, JobSession s, String... values) {
        String file = tck.scratchPath("rt-argv");
        List<String> a = new ArrayList<>();
        a.add(file);
        a.addAll(Arrays.asList(values));
        JobTemplate t = tck.script(JobScripts.WRITE_ARGV, a.toArray(String[]::new)).build();
        Job j = runOrRefused(s, t, "args");
        if (j == null) return;
        tck.finishAs(j, JobState.DONE);
        assertEquals(List.of(values), tck.readNulTerminated(file));
    }

    private static void env(Tck tck, JobSession s, String value) {
        String file = tck.scratchPath("rt-env");
        JobTemplate t = tck.script(JobScripts.WRITE_ENV, file, "TCK_RT").env("TCK_RT", value).build();
        Job j = runOrRefused(s, t, "jobEnvironment");
        if (j == null) return;
        tck.finishAs(j, JobState.DONE);
        assertEquals(List.of(value), tck.readNulTerminated(file));
    }

    private static void name(Tck tck, JobSession s, String value) {
        Job j = runOrRefused(s, tck.quick().jobName(value).build(), "jobName");
        if (j == null) return;
        tck.finishAs(j, JobState.DONE);
        assertEquals(value, j.getJobInfo().getJobName());
    }

    @Test
    @Assertion(id = "RT-1", section = SpecSections.DRMAA2J, value = "arguments with double and single quotes reach argv exactly")
    void args_quotes(Tck tck, JobSession s) {
        args(tck, s, QUOTES, "\"", "'", "''", "\"\"");
    }

    @Test
    @Assertion(id = "RT-2", section = SpecSections.DRMAA2J, value = "arguments with spaces and tabs reach argv exactly, as one entry each")
    void args_spaces(Tck tck, JobSession s) {
        args(tck, s, SPACES, " ", "a b");
    }

    @Test
    @Assertion(id = "RT-3", section = SpecSections.DRMAA2J, value = "arguments with $, ${…}, $(…) and backticks reach argv unexpanded")
    void args_dollarAndBackticks(Tck tck, JobSession s) {
        args(tck, s, DOLLARS, BACKTICKS, "$", "`");
    }

    @Test
    @Assertion(id = "RT-4", section = SpecSections.DRMAA2J, value = "arguments with newlines and carriage returns reach argv exactly")
    void args_newlines(Tck tck, JobSession s) {
        args(tck, s, NEWLINES, "\n");
    }

    @Test
    @Assertion(id = "RT-5", section = SpecSections.DRMAA2J, value = "arguments with non-ASCII text reach argv exactly (UTF-8)")
    void args_nonAscii(Tck tck, JobSession s) {
        args(tck, s, NON_ASCII);
    }

    @Test
    @Assertion(id = "RT-6", section = SpecSections.DRMAA2J, value = "arguments with shell metacharacters, globs, backslashes, an empty string and a leading dash reach argv exactly")
    void args_metacharacters(Tck tck, JobSession s) {
        args(tck, s, METACHARS, BACKSLASHES, "", "-n", "--", "*");
    }

    @Test
    @Assertion(id = "RT-7", section = SpecSections.DRMAA2J, value = "environment values with quotes and spaces reach the job exactly")
    void jobEnvironment_quotesAndSpaces(Tck tck, JobSession s) {
        env(tck, s, QUOTES + SPACES);
    }

    @Test
    @Assertion(id = "RT-8", section = SpecSections.DRMAA2J, value = "environment values with $, $(…) and backticks reach the job unexpanded")
    void jobEnvironment_dollarAndBackticks(Tck tck, JobSession s) {
        env(tck, s, DOLLARS + " " + BACKTICKS);
    }

    @Test
    @Assertion(id = "RT-9", section = SpecSections.DRMAA2J, value = "environment values with newlines reach the job exactly")
    void jobEnvironment_newlines(Tck tck, JobSession s) {
        env(tck, s, NEWLINES);
    }

    @Test
    @Assertion(id = "RT-10", section = SpecSections.DRMAA2J, value = "environment values with non-ASCII text, metacharacters and backslashes reach the job exactly")
    void jobEnvironment_nonAsciiAndMetacharacters(Tck tck, JobSession s) {
        env(tck, s, NON_ASCII + " " + METACHARS + " " + BACKSLASHES);
    }

    @Test
    @Assertion(id = "RT-11", section = SpecSections.DRMAA2J, value = "several environment variables with hostile values keep their own values")
    void jobEnvironment_several(Tck tck, JobSession s) {
        String file = tck.scratchPath("rt-envs");
        Map<String, String> vars = Map.of("TCK_Q", QUOTES, "TCK_D", DOLLARS, "TCK_U", NON_ASCII);
        JobTemplate t = tck.script(JobScripts.WRITE_ENV, file, "TCK_Q", "TCK_D", "TCK_U").jobEnvironment(vars).build();
        Job j = runOrRefused(s, t, "jobEnvironment");
        if (j == null) return;
        tck.finishAs(j, JobState.DONE);
        assertEquals(List.of(QUOTES, DOLLARS, NON_ASCII), tck.readNulTerminated(file));
    }

    @Test
    @Assertion(id = "RT-12", section = SpecSections.DRMAA2J, value = "a job name with spaces and quotes is reported exactly")
    void jobName_quotesAndSpaces(Tck tck, JobSession s) {
        name(tck, s, "tck name with \"double\" and 'single' quotes");
    }

    @Test
    @Assertion(id = "RT-13", section = SpecSections.DRMAA2J, value = "a job name with $ and backticks is reported unexpanded")
    void jobName_dollarAndBackticks(Tck tck, JobSession s) {
        name(tck, s, "tck-$HOME-$(id)-`id`");
    }

    @Test
    @Assertion(id = "RT-14", section = SpecSections.DRMAA2J, value = "a job name with non-ASCII text is reported exactly")
    void jobName_nonAscii(Tck tck, JobSession s) {
        name(tck, s, "tck-äöü-日本");
    }

    @Test
    @Assertion(id = "RT-15", section = SpecSections.DRMAA2J, value = "a job name with a newline is reported exactly or refused naming jobName")
    void jobName_newline(Tck tck, JobSession s) {
        name(tck, s, "tck\nsecond line");
    }

    @Test
    @Assertion(id = "RT-16", section = SpecSections.DRMAA2J, value = "an output path with spaces, quotes, $ and non-ASCII text is used exactly")
    void outputPath_hostileName(Tck tck, JobSession s) {
        String out = tck.scratchPath("out with 'quotes' $HOME `x` äö");
        Job j = runOrRefused(s, JobTemplate.builder("/bin/echo").args("arrived").outputPath(out).build(), "outputPath");
        if (j == null) return;
        tck.finishAs(j, JobState.DONE);
        assertEquals("arrived\n", tck.readFile(out));
    }

    @Test
    @Assertion(id = "RT-17", section = SpecSections.DRMAA2J, value = "a working directory with spaces, quotes and $ is used exactly")
    void workingDirectory_hostileName(Tck tck, JobSession s) {
        String dir = tck.scratchPath("dir with \"quotes\" and $PATH");
        tck.finishAs(s.runJob(tck.script(JobScripts.MKDIR, dir).build()), JobState.DONE);
        Job j = runOrRefused(s, tck.script(JobScripts.WRITE_TEXT, "inside.txt", "ok").workingDirectory(dir).build(), "workingDirectory");
        if (j == null) return;
        tck.finishAs(j, JobState.DONE);
        assertEquals("ok", tck.readFile(dir + "/inside.txt"));
    }
}
