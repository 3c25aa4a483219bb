// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.tck.durability.SchedulerLedger;

/**
 * Slurm's own list of a session's jobs for the kill-test harness: every job in the accounting
 * database whose comment carries the session's tags, with its final state and exit code, asked
 * again until each has ended there too (slurmdbd may lag behind squeue).
 */
final class SacctLedger {
    private SacctLedger() {
    }

    /**
     * @param run runs a command on the cluster and returns its standard output (failing when it fails)
     * @param session the session
     * @param since a time before the session's first job, as sacct's {@code --starttime} takes it
     * @return the entries
     * @throws InterruptedException when interrupted between two asks
     */
    static List<SchedulerLedger.Entry> list(Function<List<String>, String> run, String session, String since) throws InterruptedException {
        String label = SubmissionTags.label(SubmissionTags.sessionPart(session) + ".");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); // a safety cap: seconds when idle
        while (true) {
            String out = run.apply(List.of("sacct", "--noheader", "--parsable2", "--allocations", "--starttime=" + since,
                    "--format=JobID,JobName,Comment,State,ExitCode"));
            List<SchedulerLedger.Entry> entries = new ArrayList<>();
            boolean allEnded = true;
            for (String line : out.split("\n")) {
                String[] f = line.split("\\|", -1);
                if (f.length < 5 || !f[2].startsWith(label)) continue;
                String state = f[3].split(" ")[0];
                boolean ended = !List.of("PENDING", "RUNNING", "COMPLETING", "CONFIGURING", "REQUEUED", "SUSPENDED").contains(state);
                allEnded &= ended;
                entries.add(new SchedulerLedger.Entry(f[0], f[1], ended ? "COMPLETED".equals(state) ? JobState.DONE : JobState.FAILED : null,
                        ended ? Integer.valueOf(f[4].split(":")[0]) : null));
            }
            if (allEnded || System.nanoTime() > deadline) return entries;
            Thread.sleep(1000);
        }
    }
}
