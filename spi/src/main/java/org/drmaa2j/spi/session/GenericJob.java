// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.store.JobRecord;

/** A {@link Job} of a {@link GenericJobSession}; the backend does the scheduler work. */
public final class GenericJob implements Job {
    private static final Set<JobState> RUNNING = EnumSet.of(JobState.RUNNING);
    private static final Set<JobState> SUSPENDED = EnumSet.of(JobState.SUSPENDED);
    private static final Set<JobState> QUEUED = EnumSet.of(JobState.QUEUED, JobState.REQUEUED);
    private static final Set<JobState> HELD = EnumSet.of(JobState.QUEUED_HELD, JobState.REQUEUED_HELD);

    private final GenericJobSession session;
    private final String jobId;
    private volatile boolean reaped;

    GenericJob(GenericJobSession session, String jobId) {
        this.session = session;
        this.jobId = jobId;
    }

    @Override
    public String getJobId() {
        return jobId;
    }

    @Override
    public String getSessionName() {
        return session.getSessionName();
    }

    @Override
    public JobTemplate getJobTemplate() {
        return record().template();
    }

    /** @return the job's stored record, with the backend's private values */
    public JobRecord record() {
        check();
        JobRecord r = session.connection().record(jobId);
        if (r == null) throw new InvalidArgumentException("job", jobId + " is no longer known");
        return r;
    }

    @Override
    public void suspend() {
        control(JobAction.SUSPEND, Capability.JOB_SUSPEND, RUNNING);
    }

    @Override
    public void resume() {
        control(JobAction.RESUME, Capability.JOB_SUSPEND, SUSPENDED);
    }

    @Override
    public void hold() {
        control(JobAction.HOLD, Capability.JOB_HOLD, QUEUED);
    }

    @Override
    public void release() {
        control(JobAction.RELEASE, Capability.JOB_HOLD, HELD);
    }

    @Override
    public void terminate() {
        JobRecord r = record();
        JobInfo i = session.connection().current(jobId);
        if (i != null && i.getJobState() != null && i.getJobState().isTerminal()) return;
        session.connection().terminating(jobId);
        publish(session.connection().backend().control(r, JobAction.TERMINATE));
    }

    @Override
    public void reap() {
        check();
        JobState s = getState();
        if (s == null || !s.isTerminal()) {
            throw new InvalidStateException("job " + jobId + " is " + s + "; only a terminated job can be reaped");
        }
        reaped = true;
        session.reaped(this);
    }

    /** The state; a job's completion marker tells its end at once, before the scheduler confirms it. */
    @Override
    public JobState getState() {
        check();
        JobInfo i = session.connection().current(jobId);
        if (i == null) throw new InvalidArgumentException("job", jobId + " is no longer known");
        return i.getJobState() == null ? JobState.UNDETERMINED : i.getJobState();
    }

    @Override
    public String getSubState() {
        return getJobInfo().getJobSubState();
    }

    /**
     * The scheduler's information: for a job whose end its completion marker told, once the
     * scheduler has confirmed that end (which the next poll does), within a safety cap.
     */
    @Override
    public JobInfo getJobInfo() {
        check();
        JobInfo i = session.connection().confirmed(jobId, this::check);
        if (i == null) throw new InvalidArgumentException("job", jobId + " is no longer known");
        return i;
    }

    @Override
    public Job waitStarted(Duration timeout) {
        return await(timeout, true);
    }

    @Override
    public Job waitTerminated(Duration timeout) {
        return await(timeout, false);
    }

    private Job await(Duration timeout, boolean started) {
        check();
        Connection c = session.connection();
        return c.await(List.of(jobId), started, () -> {
            JobInfo i = c.board().get(jobId);
            JobState s = i == null ? null : i.getJobState();
            boolean ok = s != null && (started ? s.hasStarted() : s.isTerminal());
            return ok ? this : null;
        }, timeout, this::check, "job " + jobId + (started ? " to start" : " to end"));
    }

    GenericJobSession session() {
        return session;
    }

    boolean isReaped() {
        return reaped;
    }

    void check() {
        session.checkOpen();
        if (reaped) throw new InvalidArgumentException("job", jobId + " was reaped");
    }

    /**
     * @param action a control action other than TERMINATE
     * @return the states it applies to
     */
    static Set<JobState> allowedStates(JobAction action) {
        return switch (action) {
            case SUSPEND -> RUNNING;
            case RESUME -> SUSPENDED;
            case HOLD -> QUEUED;
            case RELEASE -> HELD;
            default -> throw new IllegalArgumentException("no state rule for " + action);
        };
    }

    private void control(JobAction action, Capability capability, Set<JobState> allowed) {
        JobRecord r = record();
        Connection c = session.connection();
        c.requireCapability(capability, action.name().toLowerCase(java.util.Locale.ROOT));
        JobInfo i = c.current(jobId);
        JobState s = i == null ? null : i.getJobState();
        if (s == null || !allowed.contains(s)) {
            throw new InvalidStateException("job " + jobId + " is " + s + "; " + action.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs " + allowed);
        }
        publish(c.backend().control(r, action));
    }

    private void publish(JobInfo after) {
        if (after != null) session.connection().publish(after);
    }

    @Override
    public String toString() {
        return "Job[" + jobId + "@" + session.getSessionName() + "]";
    }
}
