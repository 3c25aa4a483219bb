// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.WaitTimeoutException;
import org.drmaa2j.OperationUnsupportedException;

/**
 * A job of {@link FakeDriver}. It is QUEUED (QUEUED_HELD when submitted held) and ends when waited
 * for, by its command: {@code exit N} fails with exit status N (0 is DONE), {@code kill SIG} is
 * ended by that signal, {@code sleep} never ends by itself, anything else is DONE.
 */
final class FakeJob implements Job {
    private static final AtomicLong IDS = new AtomicLong(100);

    private final String id = Long.toString(IDS.incrementAndGet());
    private final String session;
    private final JobTemplate template;
    private JobInfo info;
    private boolean reaped;

    FakeJob(String session, JobTemplate template) {
        this.session = session;
        this.template = template;
        this.info = JobInfo.builder().jobId(id).jobName(template.getJobName()).queueName(template.getQueueName())
                .jobState(template.isSubmitAsHold() ? JobState.QUEUED_HELD : JobState.QUEUED).build();
    }

    static void resetIds() {
        IDS.set(100);
    }

    /** @return the template, even after reaping */
    JobTemplate template() {
        return template;
    }

    synchronized boolean isReaped() {
        return reaped;
    }

    private synchronized void live() {
        if (reaped) throw new InvalidArgumentException("job " + id + " was reaped");
    }

    private synchronized void end() {
        if (info.getJobState().isTerminal()) return;
        String cmd = template.getRemoteCommand();
        String arg = template.getArgs().isEmpty() ? "" : template.getArgs().get(0);
        JobInfo.Builder b = info.toBuilder().allocatedMachines(java.util.List.of("localhost"));
        if (cmd.equals("exit")) {
            int status = Integer.parseInt(arg);
            info = b.jobState(status == 0 ? JobState.DONE : JobState.FAILED).exitStatus(status).build();
        } else if (cmd.equals("kill")) {
            info = b.jobState(JobState.FAILED).terminatingSignal(arg).build();
        } else {
            info = b.jobState(JobState.DONE).exitStatus(0).build();
        }
    }

    private synchronized boolean endsWhenWaited() {
        return !template.getRemoteCommand().equals("sleep") && info.getJobState() == JobState.QUEUED;
    }

    @Override public String getJobId() { return id; }
    @Override public String getSessionName() { return session; }
    @Override public JobTemplate getJobTemplate() { live(); return template; }
    @Override public void suspend() { throw new OperationUnsupportedException("no suspend in the fake driver"); }
    @Override public void resume() { throw new OperationUnsupportedException("no suspend in the fake driver"); }

    @Override
    public synchronized void hold() {
        live();
        if (info.getJobState() != JobState.QUEUED) throw new InvalidStateException("job " + id + " is " + info.getJobState() + ", not QUEUED");
        info = info.toBuilder().jobState(JobState.QUEUED_HELD).build();
    }

    @Override
    public synchronized void release() {
        live();
        if (info.getJobState() != JobState.QUEUED_HELD) throw new InvalidStateException("job " + id + " is not held");
        info = info.toBuilder().jobState(JobState.QUEUED).build();
    }

    @Override
    public synchronized void terminate() {
        live();
        if (!info.getJobState().isTerminal()) info = info.toBuilder().jobState(JobState.FAILED).jobSubState("CANCELLED").build();
    }

    @Override
    public synchronized void reap() {
        live();
        if (!info.getJobState().isTerminal()) throw new InvalidStateException("job " + id + " has not ended");
        reaped = true;
    }

    @Override public synchronized JobState getState() { live(); return info.getJobState(); }
    @Override public synchronized String getSubState() { live(); return info.getJobSubState(); }
    @Override public synchronized JobInfo getJobInfo() { live(); return info; }

    @Override
    public Job waitStarted(Duration timeout) {
        return waitTerminated(timeout);
    }

    @Override
    public Job waitTerminated(Duration timeout) {
        live();
        if (endsWhenWaited()) end();
        if (!getState().isTerminal()) throw new WaitTimeoutException("timed out");
        return this;
    }
}
