// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.InternalException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.local.LocalProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session store's file system out of space during submissions (a 512 KiB tmpfs this test
 * mounts and fills; it needs root, which CI has): {@code runJob} throws an exception that says so,
 * and no job runs that the session's journal does not know.
 */
class LocalDiskFullTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path tmp;

    private static JobTemplate job(String name, Path ledger) {
        return JobTemplate.builder("/bin/sh").args("-c", "echo \"$1\" >> \"$2\"", "job", name, ledger.toString()).jobName(name).build();
    }

    @Test
    void fullDisk_runJobSaysSo_andNothingRunsThatTheJournalDoesNotKnow() throws Exception {
        assumeTrue(SmallTmpfs.canMount(), "mounting a small tmpfs needs root");
        Path ledger = tmp.resolve("ledger"); // outside the full file system
        try (SmallTmpfs fs = SmallTmpfs.mount(tmp.resolve("fs"), 512)) {
            // a submission whose id could not be recorded stays an intent; its process (this one) lives on, so
            // reopening waits for the grace period before dropping it: a short one
            Map<String, String> props = Map.of("drmaa2j.stateDir", fs.path().resolve("state").toString(),
                    "drmaa2j.reconcile.graceMillis", "2000");
            List<String> refused = new ArrayList<>();
            List<String> accepted = new ArrayList<>();
            try (SessionManager sm = new LocalProvider().createSessionManager(props)) {
                JobSession s = sm.createJobSession("full", null);
                for (int i = 0; i < 3; i++) s.runJob(job("before" + i, ledger)).waitTerminated(WAIT);
                fs.fill();
                for (int i = 0; i < 40; i++) {
                    String name = "during" + i;
                    try {
                        Job j = s.runJob(job(name, ledger));
                        accepted.add(name);
                        j.waitTerminated(WAIT);
                    } catch (Drmaa2Exception e) {
                        refused.add(name);
                        assertTrue(e instanceof InternalException, e.toString());
                        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("'full'"),
                                "the message says what and where: " + e.getMessage());
                    }
                }
                assertTrue(refused.size() > 0, "a full disk refuses submissions");
                fs.free();
                s.runJob(job("after", ledger)).waitTerminated(WAIT);
            }
            try (SessionManager again = new LocalProvider().createSessionManager(props)) {
                JobSession s = again.openJobSession("full");
                Set<String> known = new TreeSet<>();
                for (Job j : s.getJobs(null)) {
                    j.waitTerminated(WAIT);
                    known.add(j.getJobTemplate().getJobName());
                }
                List<String> ran = Files.readAllLines(ledger);
                assertEquals(ran.size(), new HashSet<>(ran).size(), "no job ran twice: " + ran);
                for (String name : ran) assertTrue(known.contains(name), name + " ran, and the journal knows it: " + known);
                for (String name : refused) assertTrue(!ran.contains(name) && !known.contains(name), name + " was refused: nothing ran");
                for (String name : List.of("before0", "before1", "before2", "after")) {
                    assertTrue(ran.contains(name) && known.contains(name), name);
                }
                for (Job j : s.getJobs(null)) {
                    String name = j.getJobTemplate().getJobName();
                    if (!ran.contains(name)) {
                        assertEquals(JobState.FAILED, j.getState(), name + " was accepted but could not start: " + j.getJobInfo());
                    }
                }
                System.out.printf("disk full: %d submissions refused with a clear exception, %d accepted while full (%d of them ran)%n",
                        refused.size(), accepted.size(), accepted.stream().filter(ran::contains).count());
            }
        }
    }
}
