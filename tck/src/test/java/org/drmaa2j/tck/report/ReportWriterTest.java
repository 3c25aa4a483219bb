// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    private static RunResult run(String driver, String injection, String outcomeOf2) {
        return new RunResult(Map.of("driver", driver, "environment", "env", "injection", injection), List.of(
                new AssertionResult("JOB-10", "Job", "ten", "JobTest.b_c", AssertionResult.PASS, null, null),
                new AssertionResult("JOB-2", "drmaa2j", "two | piped", "JobTest.a_b", outcomeOf2, "JT_EMAIL", "boom\nline")));
    }

    @Test
    void write_regeneratesMatrixFromAllRuns() throws Exception {
        ReportWriter w = new ReportWriter(dir);
        w.write(run("local", "bootstrap", AssertionResult.PASS));
        w.write(run("slurm", "cdi", AssertionResult.FAIL));
        w.write(run("local", "cdi", AssertionResult.UNSUPPORTED));
        w.write(new RunResult(Map.of("driver", "pbs", "environment", "env", "injection", "bootstrap"), List.of(
                new AssertionResult("JOB-2", "drmaa2j", "two | piped", "JobTest.a_b", AssertionResult.EXCLUDED, null, "qsig is missing"))));
        assertEquals(4, w.readAll().size());
        String md = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("| local / env / bootstrap |  |  | 2 | 2 | 0 | 0 | 0 |"), md);
        assertTrue(md.contains("| slurm / env / cdi |  |  | 2 | 1 | 1 | 0 | 0 |"), md);
        assertTrue(md.contains("| pbs / env / bootstrap |  |  | 1 | 0 | 0 | 0 | 1 |"), md);
        assertTrue(md.contains("| JOB-2 | drmaa2j | two \\| piped | pass | unsupported | excluded | fail |"), md);
        assertTrue(md.contains("| JOB-10 | Job | ten | pass | pass | — | pass |"), md);
        assertTrue(md.indexOf("| JOB-2 ") < md.indexOf("| JOB-10 "), "ids in numeric order");
        assertTrue(md.contains("boom ⏎ line"), md);
        assertTrue(md.contains("## Exclusions") && md.contains("| pbs / env / bootstrap | JOB-2 | JobTest.a_b | qsig is missing |"), md);
        assertTrue(md.contains("- slurm / env / cdi: 2 assertions, 1 passed, 1 failed, 0 unsupported, 0 excluded"), md);
        String html = Files.readString(dir.resolve(ReportWriter.HTML));
        assertTrue(html.contains("<td class=\"fail\""), html);
        assertTrue(html.contains("<td class=\"excluded\""), html);
        assertTrue(html.contains("two | piped"), html);
        assertTrue(html.contains("<h2>Failures</h2>") && html.contains("boom\nline"), html);
        assertTrue(html.contains("<h2>Exclusions</h2>") && html.contains("qsig is missing"), html);
    }

    @Test
    void merge_keepsWorstOutcome() {
        AssertionResult pass = new AssertionResult("A-1", "Job", "a", "T.x_y", AssertionResult.PASS, null, null);
        AssertionResult uns = new AssertionResult("A-1", "Job", "a", "T.x_y", AssertionResult.UNSUPPORTED, "X", null);
        AssertionResult fail = new AssertionResult("A-1", "Job", "a", "T.x_y", AssertionResult.FAIL, null, "m");
        AssertionResult excluded = new AssertionResult("A-1", "Job", "a", "T.x_y", AssertionResult.EXCLUDED, null, "why");
        assertEquals(AssertionResult.UNSUPPORTED, pass.merge(uns).outcome());
        assertEquals(AssertionResult.EXCLUDED, uns.merge(excluded).outcome());
        assertEquals(AssertionResult.FAIL, excluded.merge(fail).outcome());
        assertEquals(AssertionResult.FAIL, uns.merge(fail).outcome());
        assertEquals(AssertionResult.FAIL, fail.merge(pass).outcome());
    }

    @Test
    void reportDirectory_followsExplicitProperty() {
        String old = System.getProperty("drmaa2j.tck.reportDir");
        try {
            System.setProperty("drmaa2j.tck.reportDir", dir.toString());
            assertEquals(dir, ReportLocation.reportDirectory());
        } finally {
            if (old == null) System.clearProperty("drmaa2j.tck.reportDir");
            else System.setProperty("drmaa2j.tck.reportDir", old);
        }
    }
}
