// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.Capability;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.ExtensionKeys;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.cli.CliBackend;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flux through a co-process submitter on this machine ({@link FluxCoSubmitter}) or {@code flux job
 * submit} (jobspecs built by {@link FluxJobspec}), {@code flux jobs
 * --json}, {@code flux job wait-event}, {@code flux job urgency} and {@code flux cancel}, for one
 * contact. Ends arrive through the
 * {@link FluxEventWatcher}; the batched poll ({@link FluxStatusQuery}) reports starts and covers
 * every job the watcher is not watching at the moment.
 */
final class FluxBackend extends CliBackend<FluxSubmitCommand> {
    /**
     * What this driver offers. BULK_JOBS_MAXPARALLEL is emulated ({@link FluxBulkThrottle}); Flux
     * has no suspend (JOB_SUSPEND is absent), no memory request (JT_MIN_PHYS_MEMORY is absent).
     */
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.CALLBACK, Capability.BULK_JOBS_MAXPARALLEL, Capability.JT_ACCOUNTINGID, Capability.JOB_HOLD,
            Capability.JT_SUBMIT_AS_HOLD, Capability.PERSISTENT_SESSIONS, Capability.JT_START_TIME,
            Capability.JT_PRIORITY, Capability.JT_RESOURCE_LIMITS, Capability.JT_QUEUE, Capability.JT_INPUT_PATH));
    /** The extension keys this driver honours: the standard ones but {@link Extensions#MEMORY_PER_NODE_MB}. */
    static final ExtensionKeys EXTENSIONS = ExtensionKeys.STANDARD.without(Extensions.MEMORY_PER_NODE_MB);
    /** Every command runs as {@code env FLUX_F58_FORCE_ASCII=1 flux …}, so that Flux prints job ids as {@code f…}, not {@code ƒ…}. */
    static final List<String> PREFIX = List.of("env", "FLUX_F58_FORCE_ASCII=1", "flux");
    /** Flux's substate of a job just submitted, held or not. */
    private static final String DEPEND = "DEPEND";
    /** Annotation of a task the maxParallel emulation holds back. */
    static final String WAITING_FOR_TURN = "waiting for a maxParallel slot (emulated by drmaa2j)";
    private static final Logger LOG = LoggerFactory.getLogger(FluxBackend.class);
    private static final Pattern VERSION = Pattern.compile("(?m)^commands:\\s*(\\S+)");

    private final CliCommands flux;
    private final FluxStatusQuery status;
    private final FluxBulkThrottle throttle;
    private final FluxControl control;
    private final FluxEventWatcher watcher;
    private final FluxEndBatcher ends;
    private final FluxSubmitter submitter;
    private final FluxCoSubmitter coSubmitter;
    private final FluxTagLookup tags;
    private final Map<String, JobInfo> known = new ConcurrentHashMap<>();
    /** The urgency a task of a throttled array gets when its turn comes: its template's priority, or default. */
    private final Map<String, String> turnUrgency = new ConcurrentHashMap<>();

    /**
     * @param cli what the provider opened for this connection
     * @param watchers how many {@code flux job wait-event} commands may run at once (0: poll only)
     * @param watchSlice how long one of them may block
     */
    FluxBackend(CliContext cli, int watchers, Duration watchSlice) {
        super(cli, DEPEND, DEPEND);
        this.flux = commands(runner());
        this.status = new FluxStatusQuery(flux);
        this.throttle = new FluxBulkThrottle(this::releaseForThrottle);
        this.control = new FluxControl(flux, throttle);
        this.ends = new FluxEndBatcher(status::query, this::ended);
        this.watcher = new FluxEventWatcher(flux, ends::ended, watchers, watchSlice);
        this.submitter = new FluxSubmitter(flux);
        this.coSubmitter = new FluxCoSubmitter(flux, Command.DEFAULT_TIMEOUT);
        this.tags = new FluxTagLookup(flux);
    }

    /**
     * @param runner where flux runs
     * @return the flux commands, each behind {@link #PREFIX}
     */
    static CliCommands commands(CommandRunner runner) {
        return CliCommands.withPrefix(runner, PREFIX.toArray(String[]::new));
    }

    @Override
    public String drmsName() {
        return "Flux";
    }

    @Override
    protected Version readVersion() {
        String out = flux.output("version");
        Matcher m = VERSION.matcher(out);
        return Version.parse(m.find() ? m.group(1) : out.strip());
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Duration fastPollInterval() {
        // ends are pushed by the event watcher; the poll only has to notice starts
        return watcher.enabled() ? Duration.ofSeconds(2) : null;
    }

    @Override
    protected ExtensionKeys extensionKeys() {
        return EXTENSIONS;
    }

    @Override
    protected FluxSubmitCommand newSubmitCommand() {
        return new FluxSubmitCommand(renderer(), homeDirectory(), submitter);
    }

    /** @return the one id {@code flux job submit} printed */
    @Override
    protected Optional<String> jobId(String output) {
        return FluxSubmitter.oneId(output);
    }

    /** Each task of a bulk job is a Flux job of its own, with an id of its own: never asked for. */
    @Override
    protected String taskId(String arrayId, long index) {
        throw new UnsupportedOperationException("the tasks of a Flux bulk job have ids of their own");
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        JobTemplate t = request.template();
        FluxSubmitCommand.Single one = submitCommand().single(t, request.tag());
        String id = coSubmitter.submit(one.jobspec(), one.urgency()).orElseGet(
                () -> FluxSubmitter.submittedId(runner().run(submission(submitter.submitOne(one.jobspec(), one.urgency())))));
        Submitted s = queued(id, t);
        known.put(id, s.info());
        watcher.watch(id);
        return s;
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        List<Long> indices = range.indices();
        boolean throttled = FluxSubmitCommand.throttled(range);
        FluxSubmitter.Bulk b = FluxSubmitter.bulk(runner().run(submission(submitCommand().build(t, range, request.tag()))));
        if (!b.complete() || b.ids().size() != indices.size()) {
            control.cancel(b.accepted());
            String cancelled = b.accepted().isEmpty() ? "" : " (the " + b.accepted().size() + " jobs submitted were cancelled)";
            throw new DeniedByDrmsException(b.result().succeeded()
                    ? "flux printed " + b.accepted().size() + " job ids for " + indices.size() + " tasks" + cancelled
                    : b.result().describeFailure() + cancelled);
        }
        List<String> ids = b.ids(); // in index order: the submitter prints them in input order
        List<Submitted> tasks = new ArrayList<>();
        for (String id : ids) {
            JobInfo info = queued(id, t).info();
            if (throttled && !t.isSubmitAsHold()) info = info.toBuilder().annotation(WAITING_FOR_TURN).build();
            known.put(id, info);
            Map<String, String> data = throttled
                    ? Map.of(FluxBulkThrottle.MAX_KEY, Long.toString(range.maxParallel()), FluxBulkThrottle.STATE_KEY, "waiting")
                    : Map.of();
            tasks.add(new Submitted(id, info, data));
        }
        if (throttled) {
            ids.forEach(id -> turnUrgency.put(id, FluxControl.urgency(t)));
            throttle.register(ids, Set.of(), t.isSubmitAsHold() ? new HashSet<>(ids) : Set.of(), range.maxParallel());
        }
        ids.forEach(watcher::watch);
        return new BulkSubmitted(ids.get(0), tasks);
    }

    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        return Optional.of(tags.find(intents));
    }

    private void releaseForThrottle(String id) {
        JobInfo k = known.get(id);
        try {
            CommandResult r = flux.run("job", "urgency", id, turnUrgency.getOrDefault(id, "default"));
            if (!r.succeeded()) {
                LOG.warn("cannot release Flux job {} for its turn: {}", id, r.describeFailure());
                return;
            }
            context().sink().updateDriverData(id, Map.of(FluxBulkThrottle.STATE_KEY, "released"));
            if (k != null) context().sink().publish(k.toBuilder().jobState(JobState.QUEUED).annotation(null).build());
        } catch (RuntimeException e) {
            LOG.warn("cannot release Flux job {} for its turn: {}", id, e.toString());
        }
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        JobInfo i = control.control(job, action);
        if (i != null) known.put(job.jobId(), i);
        return i;
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        List<String> ids = new ArrayList<>();
        for (JobRecord j : jobs) ids.add(j.jobId());
        Map<String, JobInfo> out = new HashMap<>();
        status.query(ids).forEach((id, info) -> {
            JobInfo shown = overlay(info);
            known.put(id, shown);
            if (shown.getJobState().isTerminal()) {
                watcher.forget(id);
                throttle.ended(id);
            }
            out.put(id, shown);
        });
        return out;
    }

    /** A task the maxParallel emulation holds back is QUEUED, not held by the user. */
    private JobInfo overlay(JobInfo info) {
        if (info.getJobState() == JobState.QUEUED_HELD && throttle.isWaitingForTurn(info.getJobId())) {
            return info.toBuilder().jobState(JobState.QUEUED).annotation(WAITING_FOR_TURN).build();
        }
        return info;
    }

    /**
     * The event watcher saw a job end: add what only the job list knows (queue, nodes, cores,
     * owner), publish, free its slot.
     *
     * @param fromEvents the end as the job's eventlog tells it
     * @param listed what the job list said about the job in the same round, or null
     */
    private void ended(JobInfo fromEvents, JobInfo listed) {
        String id = fromEvents.getJobId();
        JobInfo merged = fromEvents;
        if (listed != null) merged = merge(merged, listed);
        JobInfo k = known.get(id);
        if (k != null) merged = merge(merged, k);
        known.put(id, merged);
        context().sink().publish(merged);
        throttle.ended(id);
    }

    static JobInfo merge(JobInfo events, JobInfo listed) {
        JobInfo.Builder b = events.toBuilder();
        if (events.getJobName() == null) b.jobName(listed.getJobName());
        if (events.getQueueName() == null) b.queueName(listed.getQueueName());
        if (events.getSlots() == null) b.slots(listed.getSlots());
        if (events.getAllocatedMachines().isEmpty()) b.allocatedMachines(listed.getAllocatedMachines());
        if (events.getJobOwner() == null) b.jobOwner(listed.getJobOwner());
        if (events.getSubmissionTime() == null) b.submissionTime(listed.getSubmissionTime());
        return b.build();
    }

    @Override
    public void adopt(List<JobRecord> jobs) {
        Map<String, List<JobRecord>> throttledArrays = new LinkedHashMap<>();
        for (JobRecord j : jobs) {
            JobState s = j.info().getJobState();
            if (s != null && s.isTerminal()) continue;
            known.put(j.jobId(), j.info());
            watcher.watch(j.jobId());
            if (j.arrayId() != null && j.data(FluxBulkThrottle.MAX_KEY) != null) {
                throttledArrays.computeIfAbsent(j.arrayId(), k -> new ArrayList<>()).add(j);
            }
        }
        throttledArrays.values().forEach(tasks -> {
            tasks.sort(Comparator.comparingLong(JobRecord::taskIndex));
            List<String> ids = new ArrayList<>();
            Set<String> released = new HashSet<>();
            Set<String> userHeld = new HashSet<>();
            for (JobRecord j : tasks) {
                ids.add(j.jobId());
                turnUrgency.put(j.jobId(), FluxControl.urgency(j.template()));
                if ("released".equals(j.data(FluxBulkThrottle.STATE_KEY))) released.add(j.jobId());
                else if (j.info().getJobState() == JobState.QUEUED_HELD) userHeld.add(j.jobId());
            }
            throttle.register(ids, released, userHeld, Long.parseLong(tasks.get(0).data(FluxBulkThrottle.MAX_KEY)));
        });
    }

    @Override
    public void forget(JobRecord job) {
        watcher.forget(job.jobId());
        throttle.forget(job.jobId());
        turnUrgency.remove(job.jobId());
        known.remove(job.jobId());
    }

    @Override
    public void close() {
        watcher.close();
        ends.close();
        coSubmitter.close();
        super.close();
    }
}
