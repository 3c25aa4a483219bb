// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.drmaa2j.Job;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.hostile.FuzzTally;
import org.drmaa2j.tck.hostile.HostileCase;
import org.drmaa2j.tck.hostile.HostileTemplates;
import org.drmaa2j.tck.hostile.HostileText;
import org.drmaa2j.tck.hostile.JobReport;
import org.drmaa2j.tck.hostile.Parallel;
import org.drmaa2j.tck.hostile.PrivateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Injection fuzzing of the local driver: {@value #DEFAULT_COUNT} generated hostile templates, each
 * accepted with its arguments and environment reaching the job byte for byte (read back from the
 * job's own report) and its name kept, or refused with an InvalidArgumentException naming a field
 * it set. The sentinel file an injected command would create never appears, the session store
 * (with the job supervisor script and the completion markers) is private (0700/0600), and no log line, at
 * TRACE, holds a secret environment value.
 */
class LocalHostileInputTest extends LocalTestSupport {
    static final int DEFAULT_COUNT = 10_000;
    private static final int THREADS = 16;
    /**
     * A safety cap against a hang, not a speed target: 10,000 jobs take about 4 minutes on an idle
     * 2-core machine and several times that on a loaded one; every template must be tried.
     */
    private static final Duration CAP = Duration.ofMinutes(50);
    private static final String SECRET_VARIABLE = JobReport.ENV_PREFIX + "SECRET";
    private final String secret = "s3cr3t-" + UUID.randomUUID();

    @Test
    @Timeout(55 * 60)
    void hostileTemplates_acceptedByteForByteOrRefusedByField() throws Exception {
        int count = Integer.getInteger("drmaa2j.hostile.localCount", DEFAULT_COUNT);
        Path sentinel = Path.of("/tmp", "drmaa2j-hostile-" + UUID.randomUUID());
        Path report = tmp.resolve("report.pl");
        Files.writeString(report, JobReport.SCRIPT);
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rwx------"));
        Path out = Files.createDirectory(tmp.resolve("out"));
        List<HostileCase> cases = HostileTemplates.generate(HostileTemplates.seed(), count, new HostileText(sentinel.toString()));
        FuzzTally tally = new FuzzTally();

        int done = Parallel.forEach(cases, THREADS, CAP, c -> {
            Path file = out.resolve(c.index() + ".txt");
            Job job = tally.submit(c, () -> js.runJob(c.builder(report.toString(), file.toString()).env(SECRET_VARIABLE, secret).build()));
            if (job != null) verify(c, job, file, tally);
        });

        System.out.println("local hostile templates: " + done + " of " + count + ": " + tally.summary());
        assertEquals(count, done, "every template is tried (the run hit its safety cap of " + CAP + ")");
        assertEquals(List.of(), tally.failures(), tally.summary());
        assertTrue(tally.accepted() > count / 4, "most templates are acceptable: " + tally.summary());
        assertFalse(Files.exists(sentinel), "an injected command ran: " + sentinel + " exists");
        System.out.println("local store entries checked private: " + PrivateFiles.assertPrivate(tmp.resolve("state")));
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assertTrue(logFile != null && Files.exists(Path.of(logFile)), "the hostile run logs to a file");
        assertFalse(Files.readString(Path.of(logFile)).contains(secret), "a secret environment value reached the log " + logFile);
    }

    private void verify(HostileCase c, Job job, Path file, FuzzTally tally) {
        try {
            job.waitTerminated(Duration.ofMinutes(10)); // a safety cap: a job takes well under a second
            if (job.getState() != JobState.DONE) {
                tally.fail(c, "job " + job.getJobId() + " ended " + job.getState() + " " + job.getJobInfo());
                return;
            }
            if (c.jobName() != null && !Objects.equals(c.jobName(), job.getJobInfo().getJobName())) tally.fail(c, "job name changed to " + job.getJobInfo().getJobName());
            Map<String, String> env = new HashMap<>(c.environment());
            env.put(SECRET_VARIABLE, secret);
            List<String> diffs = JobReport.differences(Files.readString(file), c.args(), env, null);
            if (diffs.isEmpty()) tally.verified();
            else tally.fail(c, String.join("; ", diffs));
            job.reap();
            Files.delete(file);
        } catch (IOException | RuntimeException e) {
            tally.fail(c, "checking job " + job.getJobId() + ": " + e);
        }
    }
}
