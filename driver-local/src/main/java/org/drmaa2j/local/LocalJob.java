// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.util.Signals;

/** What this process knows of one local job. Guarded by the {@link LocalScheduler}'s lock. */
final class LocalJob {
    final String id;
    final String session;
    final String arrayId;
    final long index;
    final JobTemplate template;
    final long maxParallel;
    final long seq;
    final Instant submitted;

    JobState state;
    String subState;
    String annotation;
    Instant dispatched;
    Instant finished;
    Integer exitStatus;
    String signal;
    Duration cpu;
    long pid;
    Long pidStart;
    String endReason;
    /** Another live process holds the job's start claim. */
    boolean startedElsewhere;
    /** This process holds the job's start claim. */
    boolean claimed;
    /** The tag of the submission that made the job, when this process made it (it goes into the claim). */
    String tag;
    final List<Future<?>> timers = new ArrayList<>();

    LocalJob(String id, String session, String arrayId, long index, JobTemplate template, long maxParallel, long seq, Instant submitted) {
        this.id = id;
        this.session = session;
        this.arrayId = arrayId;
        this.index = index;
        this.template = template;
        this.maxParallel = maxParallel;
        this.seq = seq;
        this.submitted = submitted;
    }

    static LocalJob fromRecord(JobRecord r, long seq) {
        String mp = r.data(LocalScheduler.MAX_PARALLEL);
        JobInfo i = r.info();
        LocalJob j = new LocalJob(r.jobId(), r.sessionName(), r.arrayId(), r.taskIndex(), r.template(),
                mp == null ? 0 : Long.parseLong(mp), seq, i.getSubmissionTime() == null ? Instant.now() : i.getSubmissionTime());
        j.state = i.getJobState() == null ? JobState.QUEUED : i.getJobState();
        j.subState = i.getJobSubState();
        j.dispatched = i.getDispatchTime();
        j.endReason = r.data(LocalScheduler.END_REASON);
        String pid = r.data(LocalScheduler.PID);
        j.pid = pid == null ? 0 : Long.parseLong(pid);
        String start = r.data(LocalScheduler.PID_START);
        j.pidStart = start == null ? null : Long.parseLong(start);
        return j;
    }

    boolean isTerminal() {
        return state.isTerminal();
    }

    boolean isActive() {
        return state == JobState.RUNNING || state == JobState.SUSPENDED;
    }

    long priority() {
        return template.getPriority() == null ? 0 : template.getPriority();
    }

    void cancelTimers() {
        timers.forEach(f -> f.cancel(false));
        timers.clear();
    }

    /** Ends the job with what its supervisor recorded; {@code observedEnd} when this process was told at once. */
    void endFromMarker(CompletionMarker m, Instant observedEnd) {
        state = m.state();
        exitStatus = m.signal() == 0 ? m.exitStatus() : null;
        signal = Signals.name(m.signal());
        cpu = m.cpu();
        Instant end = observedEnd != null ? observedEnd : m.end() != null ? m.end() : Instant.now();
        if (dispatched == null) dispatched = m.start();
        if (dispatched != null && end.isBefore(dispatched)) end = dispatched;
        finished = end;
        subState = endReason != null ? endReason
                : state == JobState.DONE ? "COMPLETED" : signal != null ? "SIGNALED" : "EXITED";
        cancelTimers();
    }

    /**
     * Ends a job whose end could not be recorded.
     *
     * @param why the annotation
     * @param signalName the signal that ended it, when known
     */
    void endWithoutMarker(String why, String signalName) {
        state = JobState.FAILED;
        signal = signalName;
        exitStatus = null;
        finished = Instant.now();
        subState = endReason != null ? endReason : signalName != null ? "SIGNALED" : "LOST";
        annotation = why;
        cancelTimers();
    }

    /** Ends a job followed by its process id, gone without a record. */
    void endLost() {
        state = JobState.FAILED;
        subState = "LOST";
        annotation = "the job's supervisor (or wrapper) ended without writing the job's record (it was killed)";
        finished = Instant.now();
        cancelTimers();
    }

    JobInfo info(String host, String owner) {
        Instant end = finished;
        Duration wall = dispatched == null ? null
                : Duration.between(dispatched, end != null ? end : Instant.now());
        return JobInfo.builder().jobId(id)
                .jobName(template.getJobName() != null ? template.getJobName() : Path.of(template.getRemoteCommand()).getFileName().toString())
                .jobState(state).jobSubState(subState).annotation(annotation)
                .exitStatus(exitStatus).terminatingSignal(signal)
                .queueName(LocalTemplateChecker.QUEUE).jobOwner(owner).submissionMachine(host)
                .allocatedMachines(dispatched != null ? List.of(host) : List.of())
                .slots(template.getMinSlots() != null ? template.getMinSlots() : 1L)
                .submissionTime(submitted).dispatchTime(dispatched).finishTime(end)
                .wallclockTime(wall == null || wall.isNegative() ? null : wall).cpuTime(cpu)
                .build();
    }
}
