// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.Test;

class JobPathsTest {
    private static final String HOME = "/home/u";

    private static JobTemplate.Builder t() {
        return JobTemplate.builder("/bin/echo");
    }

    @Test
    void workingDirectory_unsetIsHome() {
        assertEquals(HOME, JobPaths.of(t().build(), HOME + "/", false).workingDirectory());
    }

    @Test
    void workingDirectory_relativeIsUnderHome() {
        assertEquals(HOME + "/runs/a", JobPaths.of(t().workingDirectory("runs/a").build(), HOME, false).workingDirectory());
    }

    @Test
    void workingDirectory_homePlaceholder() {
        assertEquals(HOME + "/w d", JobPaths.of(t().workingDirectory("$DRMAA2_HOME_DIR$/w d").build(), HOME, false).workingDirectory());
    }

    @Test
    void workingDirectory_indexIsOneForASingleJobAndKeptForBulk() {
        JobTemplate tpl = t().workingDirectory("/s/$DRMAA2_INDEX$").build();
        JobPaths single = JobPaths.of(tpl, HOME, false);
        assertEquals("/s/1", single.workingDirectory());
        assertFalse(single.workingDirectoryPerTask());
        JobPaths bulk = JobPaths.of(tpl, HOME, true);
        assertEquals("/s/$DRMAA2_INDEX$", bulk.workingDirectory());
        assertTrue(bulk.workingDirectoryPerTask());
    }

    @Test
    void workingDirectory_workingDirPlaceholderRefusedForSingleAndBulk() {
        for (boolean bulk : List.of(false, true)) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> JobPaths.of(t().workingDirectory("$DRMAA2_WORKING_DIR$/x").build(), HOME, bulk));
            assertEquals("workingDirectory", e.getField());
        }
    }

    @Test
    void paths_placeholdersAndRelativeNames() {
        JobTemplate tpl = t().workingDirectory("/w").inputPath("in").outputPath("$DRMAA2_WORKING_DIR$/o.$DRMAA2_INDEX$")
                .errorPath("$DRMAA2_HOME_DIR$/e").build();
        JobPaths p = JobPaths.of(tpl, HOME, false);
        assertEquals("/w/in", p.input());
        assertEquals("/w/o.1", p.output());
        assertEquals(HOME + "/e", p.error());
        assertFalse(p.errorToOutput());
        assertEquals("/w/o.$DRMAA2_INDEX$", JobPaths.of(tpl, HOME, true).output());
    }

    @Test
    void paths_joinFiles() {
        JobPaths both = JobPaths.of(t().outputPath("/o").errorPath("/e").joinFiles(true).build(), HOME, false);
        assertEquals("/o", both.output());
        assertNull(both.error());
        assertTrue(both.errorToOutput());
        JobPaths errOnly = JobPaths.of(t().errorPath("/e").joinFiles(true).build(), HOME, false);
        assertEquals("/e", errOnly.output());
        assertNull(errOnly.error());
        JobPaths none = JobPaths.of(t().build(), HOME, false);
        assertNull(none.input());
        assertNull(none.output());
        assertNull(none.error());
    }

    @Test
    void args_everyPlaceholder() {
        JobTemplate tpl = t().workingDirectory("$DRMAA2_HOME_DIR$/w/$DRMAA2_INDEX$")
                .args("$DRMAA2_HOME_DIR$", "$DRMAA2_WORKING_DIR$/f", "i=$DRMAA2_INDEX$", "plain").build();
        assertEquals(List.of(HOME, HOME + "/w/1/f", "i=1", "plain"), JobPaths.of(tpl, HOME, false).args());
        assertEquals(List.of(HOME, HOME + "/w/$DRMAA2_INDEX$/f", "i=$DRMAA2_INDEX$", "plain"), JobPaths.of(tpl, HOME, true).args());
    }

    @Test
    void withIndex() {
        assertEquals("/o.%a", JobPaths.withIndex("/o.$DRMAA2_INDEX$", "%a"));
        assertNull(JobPaths.withIndex(null, "1"));
    }
}
