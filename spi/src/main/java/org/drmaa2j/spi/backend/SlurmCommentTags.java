// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.spi.store.WantedTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Slurm jobs by the submission tag they carry as their job comment
 * ({@code --comment=drmaa2j:TAG}), for every driver whose jobs are Slurm jobs underneath (the Slurm
 * driver, and the PBS driver over Slurm's Torque wrappers): one {@code squeue}
 * for the user's jobs (comment {@code %k}), then, for tags not in the queue, one {@code sacct}
 * since the oldest intent (the accounting database keeps comments when slurm.conf has
 * {@code AccountingStoreFlags=job_comment}; without it, a job that has already left the queue is
 * not found).
 */
public final class SlurmCommentTags {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmCommentTags.class);
    private final CommandRunner runner;

    /** @param runner runs squeue and sacct where the scheduler is */
    public SlurmCommentTags(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * @param intents the submissions to look for
     * @return the job id (for an array: the array's id) of each tag found
     * @throws DrmCommunicationException when squeue or sacct fails
     */
    public Map<String, String> find(Collection<SubmissionIntent> intents) {
        WantedTags query = WantedTags.of(intents);
        Set<String> wanted = query.tags();
        Map<String, String> found = new HashMap<>();
        if (query.isEmpty()) return found;
        CommandResult q = runner.run(Command.of("squeue", "--me", "--noheader", "--array", "--states=all", "--format=%F|%k"));
        if (!q.succeeded()) throw new DrmCommunicationException(q.describeFailure());
        collect(q.stdout(), wanted, found);
        if (found.size() == wanted.size()) return found;
        long seconds = Duration.between(query.oldest(), Instant.now()).toSeconds() + 600;
        CommandResult a = runner.run(Command.of("sacct", "--noheader", "--parsable2", "--allocations",
                "--format=JobID,Comment", "--starttime=now-" + seconds));
        if (!a.succeeded()) {
            if (a.stderr().contains("accounting storage")) {
                LOG.warn("Slurm accounting is not available ({}); submissions that already left the queue are not found", a.stderr().strip());
                return found;
            }
            throw new DrmCommunicationException(a.describeFailure());
        }
        collect(a.stdout(), wanted, found);
        return found;
    }

    /**
     * @param table lines {@code JOBID|COMMENT}; an array task's id is {@code ARRAY_TASK} or {@code ARRAY_[RANGE]}
     * @param wanted the tags looked for
     * @param found where each wanted tag's job (or array) id goes
     */
    public static void collect(String table, Set<String> wanted, Map<String, String> found) {
        for (String line : table.split("\n")) {
            int bar = line.indexOf('|');
            if (bar <= 0) continue;
            Optional<String> tag = SubmissionTags.fromLabel(line.substring(bar + 1));
            if (tag.isEmpty() || !wanted.contains(tag.get())) continue;
            String id = line.substring(0, bar).strip();
            int underscore = id.indexOf('_');
            found.putIfAbsent(tag.get(), underscore > 0 ? id.substring(0, underscore) : id);
        }
    }
}
