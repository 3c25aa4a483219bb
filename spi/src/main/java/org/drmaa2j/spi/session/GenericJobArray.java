// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.util.List;
import java.util.function.Consumer;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobTemplate;

/** A {@link JobArray} of a {@link GenericJobSession}: each operation applied task by task. */
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
        each("suspend", Job::suspend);
    }

    @Override
    public void resume() {
        each("resume", Job::resume);
    }

    @Override
    public void hold() {
        each("hold", Job::hold);
    }

    @Override
    public void release() {
        each("release", Job::release);
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
