// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.List;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.store.JobRecord;

/**
 * Hold and release through the job's urgency ({@code flux job urgency ID hold}, and back to the
 * template's priority or {@code default}); terminate with {@code flux cancel}. Flux has no
 * suspend: {@link JobAction#SUSPEND} and {@link JobAction#RESUME} are refused.
 */
final class FluxControl {
    /** What {@code flux cancel} says, one line per job, of a job that ended or that it no longer knows. */
    static final CommandErrors ERRORS = CommandErrors.alreadyGoneWhenEveryLine("job is inactive", "unknown job id");

    private final CliCommands flux;
    private final FluxBulkThrottle throttle;

    FluxControl(CliCommands flux, FluxBulkThrottle throttle) {
        this.flux = flux;
        this.throttle = throttle;
    }

    JobInfo control(JobRecord job, JobAction action) {
        String id = job.jobId();
        switch (action) {
            case HOLD -> {
                if (!throttle.userHold(id)) CommandErrors.require(flux.run("job", "urgency", id, "hold"));
                return job.info().toBuilder().jobState(JobState.QUEUED_HELD).annotation(null).build();
            }
            case RELEASE -> {
                if (!throttle.userRelease(id)) release(id, job.template());
                return job.info().toBuilder().jobState(JobState.QUEUED).build();
            }
            case TERMINATE -> {
                cancel(List.of(id));
                return null;
            }
            case SUSPEND, RESUME -> throw new OperationUnsupportedException("Flux cannot suspend or resume a job");
            default -> throw new IllegalStateException("unhandled action " + action);
        }
    }

    /**
     * Lets a held job be scheduled: its urgency goes back to the template's priority, or Flux's default.
     *
     * @param id the job
     * @param template its template
     */
    void release(String id, JobTemplate template) {
        CommandErrors.require(flux.run("job", "urgency", id, urgency(template)));
    }

    /**
     * @param template a job's template
     * @return the urgency the job has when not held: its priority mapped onto Flux's urgencies
     *     ({@link FluxJobRequest#urgency}), or Flux's {@code default}
     */
    static String urgency(JobTemplate template) {
        return template.getPriority() == null ? "default" : Integer.toString(FluxJobRequest.urgency(template.getPriority()));
    }

    /**
     * Cancels jobs; jobs that already ended or that Flux no longer knows are not an error.
     *
     * @param ids the jobs
     */
    void cancel(List<String> ids) {
        if (ids.isEmpty()) return;
        ERRORS.requireOrGone(flux.run(flux.command("cancel", ids)));
    }
}
