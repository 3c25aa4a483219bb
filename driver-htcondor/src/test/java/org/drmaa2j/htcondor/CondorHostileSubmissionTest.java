// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.tck.hostile.FuzzTally;
import org.drmaa2j.tck.hostile.HostileCase;
import org.drmaa2j.tck.hostile.HostileTemplates;
import org.drmaa2j.tck.hostile.HostileText;
import org.drmaa2j.tck.hostile.JobReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCK's hostile templates (seeded; {@code -Ddrmaa2j.hostile.seed=N} replays a run) through the
 * driver's submit description: each is refused naming a field it set, or its description holds the
 * job name exactly (as condor_submit reads the value) and its {@code arguments}, read back with
 * HTCondor's argument syntax and run by bash as the starter runs them, give the job every argument
 * and environment value byte for byte. Injected commands aim at a sentinel file that must never
 * appear. The real pool runs such jobs in the TCK's round-trip tests; this covers
 * {@value #COUNT} templates without a scheduler ({@code -Ddrmaa2j.hostile.htcondorCount=N} to change).
 */
class CondorHostileSubmissionTest {
    static final int COUNT = 300;

    @Test
    void hostileTemplates_refusedNamingTheirField_orDeliveredExactly(@TempDir Path dir) throws Exception {
        Path sentinel = dir.resolve("sentinel");
        Path report = dir.resolve("report.pl");
        Files.writeString(report, JobReport.SCRIPT);
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rwx------"));
        List<HostileCase> cases = HostileTemplates.generate(HostileTemplates.seed(), Integer.getInteger("drmaa2j.hostile.htcondorCount", COUNT),
                new HostileText(sentinel.toString()));
        FuzzTally tally = new FuzzTally();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (HostileCase c : cases) {
            runs.add(pool.submit(() -> {
                JobTemplate[] t = new JobTemplate[1];
                String description = tally.submit(c, () -> {
                    t[0] = c.builder(report.toString(), "/dev/null").build();
                    CondorSubmitCommandTest.SUBMIT.check(t[0]);
                    return CondorSubmitCommandTest.SUBMIT.description(t[0], null, null);
                });
                if (description != null) verify(tally, c, t[0], description);
                return null;
            }));
        }
        for (Future<?> f : runs) f.get();
        pool.shutdown();
        System.out.println("htcondor hostile submissions: " + tally.summary());
        assertEquals(List.of(), tally.failures());
        assertTrue(tally.verifiedCount() > cases.size() / 4, tally.summary());
        assertFalse(Files.exists(sentinel), "an injected command ran");
    }

    private static void verify(FuzzTally tally, HostileCase c, JobTemplate t, String description) {
        Map<String, String> d = CondorSubmitCommandTest.commands(description);
        for (String line : description.split("\n", -1)) {
            if (line.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) tally.fail(c, "a description line holds a control character");
        }
        if (t.getJobName() != null && !t.getJobName().equals(d.get("batch_name").replace("$(DOLLAR)", "$"))) {
            tally.fail(c, "batch_name does not read back as the job name");
            return;
        }
        List<String> argv = CondorSubmitCommandTest.condorArguments(d.get("arguments"));
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", argv.get(0), argv.get(1), argv.get(2), "1");
            pb.environment().keySet().removeIf(k -> k.startsWith(JobReport.ENV_PREFIX));
            Process p = pb.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            List<String> diffs = JobReport.differences(out, t.getArgs(), t.getJobEnvironment(), null);
            if (diffs.isEmpty()) tally.verified();
            else tally.fail(c, String.join("; ", diffs));
        } catch (IOException | InterruptedException e) {
            tally.fail(c, "cannot run the job script: " + e);
        }
    }
}
