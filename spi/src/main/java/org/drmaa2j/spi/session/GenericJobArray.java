// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.store.JobRecord;

/**
 * A {@link JobArray} of a {@link GenericJobSession}: each operation applied task by task, or, for a
 * backend that controls arrays as a whole, once for the array.
 */
public final class GenericJobArray implements JobArray {
    private final GenericJobSession session;
    private final String arrayId;
    private final List<GenericJob> tasks;
    private final JobTemplate template;

    GenericJobArray(GenericJobSession session, String arrayId, List<GenericJob> tasks, JobTemplate template) {
        this.session = session;
        this.arrayId = arrayId;
        this.tasks = List.copyOf(tasks);
        this.template = template;
    }

    @Override
    public String getJobArrayId() {
        return arrayId;
    }

    @Override
    public List<Job> getJobs() {
        session.checkOpen();
        return List.copyOf(tasks);
    }

    @Override
    public String getSessionName() {
        return session.getSessionName();
    }

    @Override
    public JobTemplate getJobTemplate() {
        return template;
    }

    @Override
    public void suspend() {
        control(JobAction.SUSPEND, Capability.JOB_SUSPEND, Job::suspend);
    }

    @Override
    public void resume() {
        control(JobAction.RESUME, Capability.JOB_SUSPEND, Job::resume);
    }

    @Override
    public void hold() {
        control(JobAction.HOLD, Capability.JOB_HOLD, Job::hold);
    }

    @Override
    public void release() {
        control(JobAction.RELEASE, Capability.JOB_HOLD, Job::release);
    }

    @Override
    public void terminate() {
        session.checkOpen();
        for (GenericJob t : tasks) {
            if (!t.isReaped()) t.terminate();
        }
    }

    @Override
    public void reap() {
        session.checkOpen();
        for (GenericJob t : tasks) {
            if (!t.isReaped() && !t.getState().isTerminal()) {
                throw new InvalidStateException("task " + t.getJobId() + " of array " + arrayId + " has not terminated; nothing was reaped");
            }
        }
        for (GenericJob t : tasks) {
            if (!t.isReaped()) t.reap();
        }
    }

    List<GenericJob> tasks() {
        return tasks;
    }

    /**
     * Applies an action to the tasks whose state allows it: through the backend's
     * {@link org.drmaa2j.spi.backend.DriverBackend#controlArray whole-array control} when it has
     * one, else task by task.
     */
    private void control(JobAction action, Capability capability, Consumer<Job> op) {
        String what = action.name().toLowerCase(Locale.ROOT);
        session.checkOpen();
        Connection c = session.connection();
        c.requireCapability(capability, what);
        Set<JobState> allowed = GenericJob.allowedStates(action);
        List<JobRecord> applicable = new ArrayList<>();
        JobState seen = null;
        for (GenericJob t : tasks) {
            if (t.isReaped()) continue;
            JobInfo i = c.current(t.getJobId());
            seen = i == null ? null : i.getJobState();
            if (seen != null && allowed.contains(seen)) applicable.add(t.record());
        }
        if (applicable.isEmpty()) {
            throw new InvalidStateException(what + " applies to no task of array " + arrayId + " (it needs " + allowed
                    + (seen == null ? "" : ", a task is " + seen) + ")");
        }
        Optional<List<JobInfo>> done = c.backend().controlArray(arrayId, applicable, action);
        if (done.isPresent()) {
            done.get().forEach(c::publish);
            return;
        }
        each(what, op);
    }

    private void each(String what, Consumer<Job> op) {
        session.checkOpen();
        int applied = 0;
        InvalidStateException last = null;
        for (GenericJob t : tasks) {
            if (t.isReaped()) continue;
            try {
                op.accept(t);
                applied++;
            } catch (InvalidStateException e) {
                last = e;
            }
        }
        if (applied == 0) {
            throw new InvalidStateException(what + " applies to no task of array " + arrayId
                    + (last == null ? "" : " (" + last.getMessage() + ")"));
        }
    }
}
