// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
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
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submissions;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.util.DriverSettings;

/** The local driver's backend: jobs are processes of this machine, started and recorded by a {@link JobSupervisor}. */
final class LocalBackend implements DriverBackend {
    /** Most jobs running at once; 0 (the default) for no limit. */
    static final String MAX_RUNNING = "drmaa2j.local.maxRunning";
    /** Milliseconds between SIGTERM and SIGKILL when a job is terminated; default 2000. */
    static final String KILL_GRACE_MS = "drmaa2j.local.killGraceMillis";

    private final SessionStore store;
    private final LocalHost host = new LocalHost();
    private final LocalTemplateChecker checker;
    private final LocalScheduler scheduler;
    private final LocalIds ids = new LocalIds();

    LocalBackend(BackendContext ctx) {
        if (ctx.contact() != null && !ctx.contact().isBlank() && !host.isThisHost(ctx.contact().trim())) {
            throw new InvalidArgumentException("contact", "the local driver runs jobs on this machine only; use null, 'localhost' or '" + host.name() + "'");
        }
        this.store = ctx.store();
        DriverSettings settings = ctx.settings();
        java.nio.file.Path prlimit = Executables.find("prlimit");
        this.checker = new LocalTemplateChecker(host, prlimit != null);
        SupervisorScript script = SupervisorScript.install(store.root().resolve("bin"));
        int maxRunning = settings.getInt(MAX_RUNNING, 0, 0);
        this.scheduler = new LocalScheduler(new ProcessLauncher(script.supervisor(), prlimit), store, ctx.sink(), host.name(),
                maxRunning, settings.millis(KILL_GRACE_MS, Duration.ofSeconds(2)));
    }

    @Override
    public String drmsName() {
        return "local";
    }

    @Override
    public Version drmsVersion() {
        return Version.parse(System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    @Override
    public String contact() {
        return host.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return LocalTemplateChecker.CAPABILITIES;
    }

    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
        checker.check(template);
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        LocalJob j = newJob(ids.next(), request, null, 1, 0);
        scheduler.enqueue(List.of(j));
        return new Submitted(j.id, scheduler.info(j), Map.of());
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        String arrayId = ids.next();
        List<LocalJob> tasks = new ArrayList<>();
        List<Submitted> submitted = new ArrayList<>();
        Map<String, String> data = range.maxParallel() > 0
                ? Map.of(LocalScheduler.MAX_PARALLEL, Long.toString(range.maxParallel())) : Map.of();
        for (long index : range.indices()) {
            LocalJob j = newJob(arrayId + "." + index, request, arrayId, index, range.maxParallel());
            tasks.add(j);
            submitted.add(new Submitted(j.id, scheduler.info(j), data));
        }
        scheduler.enqueue(tasks);
        return new BulkSubmitted(arrayId, submitted);
    }

    private LocalJob newJob(String id, SubmitRequest request, String arrayId, long index, long maxParallel) {
        LocalJob j = new LocalJob(id, request.sessionName(), arrayId, index, request.template(), maxParallel,
                scheduler.nextSeq(), Instant.now());
        j.tag = request.tag();
        j.state = request.template().isSubmitAsHold() ? JobState.QUEUED_HELD : JobState.QUEUED;
        return j;
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        LocalJob j = scheduler.job(job.jobId());
        if (j == null) {
            scheduler.adopt(List.of(job));
            j = scheduler.job(job.jobId());
            if (j == null) return null;
        }
        switch (action) {
            case SUSPEND: return scheduler.suspend(j);
            case RESUME: return scheduler.resume(j);
            case HOLD: return scheduler.hold(j);
            case RELEASE: return scheduler.release(j);
            default: return scheduler.terminate(j, LocalScheduler.TERMINATED);
        }
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        Map<String, JobInfo> result = new HashMap<>();
        for (JobRecord r : jobs) {
            JobInfo i = scheduler.refreshFromStore(r);
            if (i != null) result.put(r.jobId(), i);
        }
        return result;
    }

    @Override
    public boolean pushesStateChanges() {
        return true;
    }

    @Override
    public Duration fastPollInterval() {
        return Duration.ofMillis(250);
    }

    @Override
    public Duration slowPollInterval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void adopt(List<JobRecord> jobs) {
        scheduler.adopt(jobs);
    }

    /** Jobs are started by the process that submits them: a submission cannot outlive it. */
    @Override
    public boolean submitsInProcess() {
        return true;
    }

    /**
     * Finds submissions by the tag in their jobs' start claims: a job this driver started carries
     * its submission's tag there. A job never started was never anything but a queue entry of the
     * process that died: it is not found, and the submission is dropped.
     */
    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (String session : store.names()) {
            String part = SubmissionTags.sessionPart(session) + ".";
            Set<String> tags = new HashSet<>();
            for (SubmissionIntent i : intents) if (i.tag().startsWith(part)) tags.add(i.tag());
            if (tags.isEmpty()) continue;
            Map<String, List<JobClaims.Claim>> found = scheduler.claims().findByTags(session, tags);
            for (SubmissionIntent i : intents) {
                List<JobClaims.Claim> claims = found.get(i.tag());
                if (claims == null || claims.isEmpty()) continue;
                JobClaims.Claim c = claims.get(0);
                if (i.range() == null) {
                    out.put(i.tag(), new BulkSubmitted(c.jobId(), List.of(Submissions.queued(c.jobId(), i.template(), null, null))));
                } else if (c.arrayId() != null) {
                    String array = c.arrayId();
                    Map<String, String> data = i.range().maxParallel() > 0
                            ? Map.of(LocalScheduler.MAX_PARALLEL, Long.toString(i.range().maxParallel())) : Map.of();
                    List<Submitted> tasks = new ArrayList<>();
                    for (long k : i.range().indices()) {
                        Submitted q = Submissions.queued(array + "." + k, i.template(), null, null);
                        tasks.add(new Submitted(q.jobId(), q.info(), data));
                    }
                    out.put(i.tag(), new BulkSubmitted(array, tasks));
                }
            }
        }
        return Optional.of(out);
    }

    @Override
    public void forget(JobRecord job) {
        scheduler.forget(job.jobId());
    }

    @Override
    public List<QueueInfo> queues() {
        return List.of(new QueueInfo(LocalTemplateChecker.QUEUE));
    }

    @Override
    public List<MachineInfo> machines() {
        return List.of(host.info());
    }

    @Override
    public List<JobInfo> allJobs() {
        List<JobInfo> all = new ArrayList<>();
        for (String session : store.names()) {
            for (JobRecord r : store.loadJobs(session)) {
                LocalJob j = scheduler.job(r.jobId());
                if (j != null && !j.startedElsewhere) {
                    all.add(scheduler.info(j));
                    continue;
                }
                JobInfo i = r.info();
                if (i.getJobState() == null || !i.getJobState().isTerminal()) {
                    Optional<CompletionMarker> m = scheduler.marker(r);
                    if (m.isPresent()) i = m.get().applyTo(i.toBuilder(), i.getDispatchTime()).build();
                }
                all.add(i);
            }
        }
        return all;
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
