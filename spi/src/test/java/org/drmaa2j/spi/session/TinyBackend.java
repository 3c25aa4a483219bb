// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.Capability;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.StateSink;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.store.JobRecord;

/**
 * A scheduler in memory, as a CLI backend would see one: the test moves jobs between states with
 * {@link #set}, and the generic layer learns of it by polling, or at once with {@link #push}.
 */
final class TinyBackend implements DriverBackend {
    final Map<String, JobState> scheduler = new ConcurrentHashMap<>();
    final List<List<String>> statusCalls = new CopyOnWriteArrayList<>();
    final List<String> controls = new CopyOnWriteArrayList<>();
    final List<String> adopted = new CopyOnWriteArrayList<>();
    final Set<Capability> caps;
    final StateSink sink;
    private final AtomicInteger ids = new AtomicInteger();
    /** When set, every status call throws it (a scheduler that does not answer). */
    volatile RuntimeException statusFailure;
    /** When true, each job's script "writes" a completion marker named by the submission's tag (the test writes it). */
    volatile boolean markers;
    /**
     * When true, a job that has started carries what only the scheduler knows: its start
     * ({@link #DISPATCH}), slots, machine, state word and, once ended, its end ({@link #FINISH}).
     */
    volatile boolean details;
    static final java.time.Instant DISPATCH = java.time.Instant.parse("2026-12-06T10:00:00Z");
    static final java.time.Instant FINISH = java.time.Instant.parse("2026-12-06T10:00:05Z");
    /** When true, hold and release of an array are one control of the whole array, as OpenPBS does them. */
    volatile boolean wholeArrays;

    TinyBackend(BackendContext ctx, Set<Capability> caps) {
        this.sink = ctx.sink();
        this.caps = caps;
    }

    static Set<Capability> all() {
        return EnumSet.of(Capability.JOB_SUSPEND, Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD, Capability.CALLBACK,
                Capability.MONITORING, Capability.BULK_JOBS_MAXPARALLEL, Capability.PERSISTENT_SESSIONS);
    }

    void set(String id, JobState s) {
        scheduler.put(id, s);
    }

    void push(String id, JobState s) {
        scheduler.put(id, s);
        sink.publish(info(id));
    }

    JobInfo info(String id) {
        JobState s = scheduler.get(id);
        JobInfo.Builder b = JobInfo.builder().jobId(id).jobState(s).queueName("tiny")
                .exitStatus(s == JobState.DONE ? Integer.valueOf(0) : s == JobState.FAILED ? Integer.valueOf(1) : null);
        if (details && s != null && s.hasStarted()) {
            b.dispatchTime(DISPATCH).slots(1L).allocatedMachines(List.of("node1")).jobSubState(s.isTerminal() ? "F" : "R");
            if (s.isTerminal()) b.finishTime(FINISH);
        }
        return b.build();
    }

    @Override
    public String drmsName() {
        return "tiny";
    }

    @Override
    public Version drmsVersion() {
        return new Version("1", "0");
    }

    @Override
    public String contact() {
        return "tiny";
    }

    @Override
    public Set<Capability> capabilities() {
        return caps;
    }

    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
        if (!template.getExtensions().isEmpty()) {
            org.drmaa2j.spi.backend.TemplateChecks.requireKnownExtensions(template, Set.of());
        }
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        String id = "t" + ids.incrementAndGet();
        scheduler.put(id, request.template().isSubmitAsHold() ? JobState.QUEUED_HELD : JobState.QUEUED);
        if (markers) {
            return new Submitted(id, info(id), Map.of("native", "N" + id,
                    org.drmaa2j.spi.store.CompletionMarker.DRIVER_DATA_KEY, org.drmaa2j.spi.script.CompletionTail.fileName(request.tag(), 1)));
        }
        return new Submitted(id, info(id), Map.of("native", "N" + id));
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        String array = "a" + ids.incrementAndGet();
        List<Submitted> tasks = new ArrayList<>();
        for (long i : range.indices()) {
            String id = array + "_" + i;
            scheduler.put(id, JobState.QUEUED);
            tasks.add(new Submitted(id, info(id), Map.of()));
        }
        return new BulkSubmitted(array, tasks);
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        controls.add(action + " " + job.jobId());
        JobState s;
        switch (action) {
            case SUSPEND: s = JobState.SUSPENDED; break;
            case RESUME: s = JobState.RUNNING; break;
            case HOLD: s = JobState.QUEUED_HELD; break;
            case RELEASE: s = JobState.QUEUED; break;
            default: s = JobState.FAILED; break;
        }
        scheduler.put(job.jobId(), s);
        return action == JobAction.TERMINATE ? null : info(job.jobId());
    }

    @Override
    public java.util.Optional<List<JobInfo>> controlArray(String arrayId, List<JobRecord> tasks, JobAction action) {
        if (!wholeArrays || action == JobAction.SUSPEND || action == JobAction.RESUME) return java.util.Optional.empty();
        controls.add(action + " " + arrayId);
        List<JobInfo> after = new ArrayList<>();
        for (JobRecord r : tasks) {
            scheduler.put(r.jobId(), action == JobAction.HOLD ? JobState.QUEUED_HELD : JobState.QUEUED);
            after.add(info(r.jobId()));
        }
        return java.util.Optional.of(after);
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        statusCalls.add(jobs.stream().map(JobRecord::jobId).sorted().toList());
        if (statusFailure != null) throw statusFailure;
        Map<String, JobInfo> m = new ConcurrentHashMap<>();
        for (JobRecord r : jobs) if (scheduler.containsKey(r.jobId())) m.put(r.jobId(), info(r.jobId()));
        return m;
    }

    @Override
    public void adopt(List<JobRecord> jobs) {
        jobs.forEach(r -> adopted.add(r.jobId()));
    }

    @Override
    public List<QueueInfo> queues() {
        return List.of(new QueueInfo("tiny"), new QueueInfo("other"));
    }

    @Override
    public List<MachineInfo> machines() {
        return List.of();
    }

    @Override
    public List<JobInfo> allJobs() {
        return scheduler.keySet().stream().map(this::info).toList();
    }

    @Override
    public void close() {
    }
}
