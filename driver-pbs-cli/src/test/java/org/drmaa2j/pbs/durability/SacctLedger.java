// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.durability.SchedulerLedger;
import org.drmaa2j.tck.containers.ExecOutcome;

/**
 * The ledger of a campaign whose jobs are Slurm jobs underneath (the Slurm driver, the PBS driver
 * over Slurm's Torque wrappers): every job of the accounting database ({@code sacct}) whose comment
 * carries the session's submission tags, asked again until each has ended there too (slurmdbd may
 * lag behind the controller), at most {@code patience} seconds.
 */
final class SacctLedger implements SchedulerLedger {
    private final Function<String[], ExecOutcome> exec;
    private final String labelPrefix;
    private final String since;
    private final long patienceSeconds;

    /**
     * @param exec runs a command as the job owner where sacct works ({@code cluster::exec})
     * @param labelPrefix what every comment of the session starts with:
     *        {@code SubmissionTags.label(SubmissionTags.sessionPart(session) + ".")}
     * @param since the campaign's start in the cluster's clock, as sacct's {@code --starttime} takes it
     * @param patienceSeconds how long to wait for slurmdbd to record every end
     */
    SacctLedger(Function<String[], ExecOutcome> exec, String labelPrefix, String since, long patienceSeconds) {
        this.exec = exec;
        this.labelPrefix = labelPrefix;
        this.since = since;
        this.patienceSeconds = patienceSeconds;
    }

    @Override
    public List<Entry> list() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(patienceSeconds);
        while (true) {
            ExecOutcome q = exec.apply(new String[] {"sacct", "--noheader", "--parsable2", "--allocations", "--starttime=" + since,
                "--format=JobID,JobName,Comment,State,ExitCode"});
            if (!q.succeeded()) throw new IllegalStateException("sacct failed: " + q);
            List<Entry> entries = new ArrayList<>();
            boolean allEnded = true;
            for (String line : q.stdout().split("\n")) {
                String[] f = line.split("\\|", -1);
                if (f.length < 5 || !f[2].startsWith(labelPrefix)) continue;
                String state = f[3].split(" ")[0];
                boolean ended = !List.of("PENDING", "RUNNING", "COMPLETING", "CONFIGURING", "REQUEUED", "SUSPENDED").contains(state);
                allEnded &= ended;
                Integer exit = ended ? Integer.valueOf(f[4].split(":")[0]) : null;
                entries.add(new Entry(f[0], f[1], ended ? "COMPLETED".equals(state) ? JobState.DONE : JobState.FAILED : null, exit));
            }
            if (allEnded || System.nanoTime() > deadline) return entries;
            Thread.sleep(1000);
        }
    }
}
