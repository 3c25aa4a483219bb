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
 * again until each has ended there and every job of the session the controller still lists is there
 * too (slurmdbd may lag behind squeue).
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
    /**
     * The session's jobs the controller still knows: a job that ended a moment ago may not be in the
     * accounting database yet, and the list is complete only when sacct has every one of them.
     */
    private static List<String> controllerJobs(Function<List<String>, String> run, String label) {
        List<String> ids = new ArrayList<>();
        for (String line : run.apply(List.of("squeue", "--noheader", "--array", "--states=all", "--format=%i|%k")).split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0 && line.substring(bar + 1).startsWith(label)) ids.add(line.substring(0, bar).strip());
        }
        return ids;
    }

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
            if (allEnded) allEnded = entries.stream().map(SchedulerLedger.Entry::jobId).toList().containsAll(controllerJobs(run, label));
            if (allEnded || System.nanoTime() > deadline) return entries;
            Thread.sleep(1000);
        }
    }
}
