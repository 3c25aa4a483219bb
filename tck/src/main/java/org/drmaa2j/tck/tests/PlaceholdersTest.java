// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
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
 * The placeholder rule, the same on every driver: {@code $DRMAA2_HOME_DIR$} and
 * {@code $DRMAA2_INDEX$} may stand in the working directory, {@code $DRMAA2_WORKING_DIR$} may not;
 * all three work in the paths and the arguments; a relative path is relative to the working
 * directory. (JT-10 to JT-13 and ARR-2 hold the other halves.)
 */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class PlaceholdersTest {

    @Test
    @Assertion(id = "PH-1", section = SpecSections.JOB_TEMPLATE, value = "$DRMAA2_WORKING_DIR$ in workingDirectory is refused with InvalidArgumentException naming workingDirectory, for single and bulk jobs, with nothing submitted")
    void workingDirectory_workingDirPlaceholderRefused(Tck tck, JobSession s) {
        JobTemplate t = JobTemplate.builder("/bin/echo").workingDirectory(Placeholders.WORKING_DIRECTORY + "/sub").build();
        assertEquals("workingDirectory", assertThrows(InvalidArgumentException.class, () -> s.runJob(t)).getField());
        assertEquals("workingDirectory", assertThrows(InvalidArgumentException.class, () -> s.runBulkJobs(t, 1, 2, 1, 0)).getField());
        assertTrue(s.getJobs(null).isEmpty(), "a refused template submitted something");
    }

    @Test
    @Assertion(id = "PH-2", section = SpecSections.JOB_TEMPLATE, value = "$DRMAA2_INDEX$ in a single job's workingDirectory is 1")
    void workingDirectory_indexPlaceholderIsOne(Tck tck, JobSession s) {
        String base = tck.scratchPath("wd-index");
        tck.finishAs(s.runJob(tck.script(JobScripts.MKDIRS, base + "/1").build()), JobState.DONE);
        JobTemplate t = tck.script(JobScripts.WRITE_TEXT, "where.txt", "single").workingDirectory(base + "/" + Placeholders.PARAMETRIC_INDEX).build();
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals("single", tck.readFile(base + "/1/where.txt"));
    }

    @Test
    @Assertion(id = "PH-3", section = SpecSections.JOB_TEMPLATE, value = "$DRMAA2_INDEX$ in a bulk job's workingDirectory is each task's index: relative files land in the task's own directory")
    void runBulkJobs_indexPlaceholderInWorkingDirectory(Tck tck, JobSession s) {
        String base = tck.scratchPath("bulk-wd");
        tck.finishAs(s.runJob(tck.script(JobScripts.MKDIRS, base + "/3", base + "/5").build()), JobState.DONE);
        JobTemplate t = tck.script(JobScripts.WRITE_TEXT, "task.txt", Placeholders.PARAMETRIC_INDEX)
                .workingDirectory(base + "/" + Placeholders.PARAMETRIC_INDEX).build();
        JobArray a = s.runBulkJobs(t, 3, 5, 2, 0);
        for (Job j : a.getJobs()) tck.finishAs(j, JobState.DONE);
        assertEquals("3", tck.readFile(base + "/3/task.txt"));
        assertEquals("5", tck.readFile(base + "/5/task.txt"));
    }

    @Test
    @Assertion(id = "PH-4", section = SpecSections.JOB_TEMPLATE, value = "$DRMAA2_WORKING_DIR$ and $DRMAA2_HOME_DIR$ in args are the job's working directory and the home directory it runs with")
    void args_workingDirAndHomePlaceholders(Tck tck, JobSession s) {
        String dir = JobTemplateAttributesTest.makeDirectory(tck, s, "args-wd");
        String f = tck.scratchPath("args-dirs");
        JobTemplate t = tck.script(JobScripts.WRITE_PHYSICAL_DIRS, f, Placeholders.WORKING_DIRECTORY, dir, Placeholders.HOME_DIRECTORY)
                .workingDirectory(dir).build();
        tck.finishAs(s.runJob(t), JobState.DONE);
        List<String> lines = List.of(tck.readFile(f).split("\n"));
        assertEquals(4, lines.size(), () -> "unexpected output " + lines);
        assertEquals(lines.get(1), lines.get(0), "$DRMAA2_WORKING_DIR$ vs the working directory");
        assertEquals(lines.get(3), lines.get(2), "$DRMAA2_HOME_DIR$ vs the job's $HOME");
    }

    @Test
    @Assertion(id = "PH-5", section = SpecSections.JOB_TEMPLATE, value = "relative inputPath, outputPath and errorPath are relative to the working directory")
    void paths_relativeToWorkingDirectory(Tck tck, JobSession s) {
        String dir = JobTemplateAttributesTest.makeDirectory(tck, s, "rel-paths");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_TEXT, dir + "/in.txt", "fed").build()), JobState.DONE);
        boolean input = tck.supports(org.drmaa2j.Capability.JT_INPUT_PATH);
        JobTemplate.Builder b = tck.script(input ? JobScripts.IN_OUT_AND_ERR : JobScripts.OUT_AND_ERR, "out", "err")
                .workingDirectory(dir).outputPath("o.txt").errorPath("e.txt");
        if (input) b.inputPath("in.txt");
        tck.finishAs(s.runJob(b.build()), JobState.DONE);
        assertEquals(input ? "fedout" : "out", tck.readFile(dir + "/o.txt"));
        assertEquals("err", tck.readFile(dir + "/e.txt"));
    }
}
