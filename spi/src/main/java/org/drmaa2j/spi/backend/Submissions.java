// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/** What a CLI backend knows about jobs it has just submitted, before the first status query. */
public final class Submissions {
    private Submissions() {
    }

    /**
     * Runs a submission command and reads the job id it printed.
     *
     * @param runner runs the command where the scheduler is (a {@link CommandRunner}'s {@code run})
     * @param command the submission (sbatch, qsub, bsub, …)
     * @param jobId reads the job id from the command's standard output
     * @return the job id
     * @throws DeniedByDrmsException with the scheduler's own words when the command fails or prints no job id
     */
    public static String run(Function<Command, CommandResult> runner, Command command, Function<String, Optional<String>> jobId) {
        CommandResult r = runner.apply(command);
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
        return jobId.apply(r.stdout()).orElseThrow(() -> new DeniedByDrmsException(
                command.program() + " printed no job id: " + (r.stdout() + "\n" + r.stderr()).strip()));
    }

    /**
     * @param id the scheduler's job id
     * @param t the template it was submitted with
     * @param queuedWord the scheduler's word for a queued job, such as {@code PENDING}
     * @param heldWord the scheduler's word for a held job, such as {@code PSUSP}
     * @return a queued job (held when the template says so), submitted now
     */
    public static Submitted queued(String id, JobTemplate t, String queuedWord, String heldWord) {
        return queued(id, t, queuedWord, heldWord, Instant.now());
    }

    /**
     * @param id the scheduler's job id
     * @param t the template it was submitted with
     * @param queuedWord the scheduler's word for a queued job, such as {@code PENDING}
     * @param heldWord the scheduler's word for a held job, such as {@code PSUSP}
     * @param submitted its submission time, until the scheduler gives its own
     * @return a queued job (held when the template says so)
     */
    public static Submitted queued(String id, JobTemplate t, String queuedWord, String heldWord, Instant submitted) {
        JobInfo info = JobInfo.builder().jobId(id).jobName(t.getJobName()).queueName(t.getQueueName())
                .jobState(t.isSubmitAsHold() ? JobState.QUEUED_HELD : JobState.QUEUED)
                .jobSubState(t.isSubmitAsHold() ? heldWord : queuedWord).submissionTime(submitted).build();
        return new Submitted(id, info, Map.of());
    }

    /**
     * @param arrayId the scheduler's id of the whole array
     * @param range the indices submitted
     * @param taskId the id of the task with a given index
     * @param t the template
     * @param queuedWord the scheduler's word for a queued job
     * @param heldWord the scheduler's word for a held job
     * @return the array with one queued task per index, in index order
     */
    public static BulkSubmitted array(String arrayId, BulkRange range, LongFunction<String> taskId, JobTemplate t,
                                      String queuedWord, String heldWord) {
        return array(arrayId, range, taskId, t, queuedWord, heldWord, Instant.now());
    }

    /**
     * @param arrayId the scheduler's id of the whole array
     * @param range the indices submitted
     * @param taskId the id of the task with a given index
     * @param t the template
     * @param queuedWord the scheduler's word for a queued job
     * @param heldWord the scheduler's word for a held job
     * @param submitted its submission time, until the scheduler gives its own
     * @return the array with one queued task per index, in index order
     */
    public static BulkSubmitted array(String arrayId, BulkRange range, LongFunction<String> taskId, JobTemplate t,
                                      String queuedWord, String heldWord, Instant submitted) {
        List<Submitted> tasks = new ArrayList<>();
        for (long i : range.indices()) tasks.add(queued(taskId.apply(i), t, queuedWord, heldWord, submitted));
        return new BulkSubmitted(arrayId, tasks);
    }
}
