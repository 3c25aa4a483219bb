// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import com.sun.jna.Pointer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.drmaa2j.Capability;
import org.drmaa2j.InternalException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.WantedTags;

/**
 * DRMAA2 on a DRMAA 1.0 library, for one contact: submission with {@code drmaa_run_job} and
 * {@code drmaa_run_bulk_jobs}, control with {@code drmaa_control}, the batched status with one
 * {@code drmaa_job_ps} per live job in this process (no command is started), and the end of a job
 * from {@code drmaa_wait}, pushed by the {@link NativeSession}'s reaper as soon as it happens.
 */
final class DrmaaNativeBackend implements DriverBackend {
    /** What every DRMAA 1.0 library offers, whatever the dialect. */
    static final Set<Capability> BASE = Set.copyOf(EnumSet.of(Capability.CALLBACK, Capability.JOB_SUSPEND,
            Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD, Capability.PERSISTENT_SESSIONS));
    /** Annotation of a job whose end this process cannot learn. */
    static final String NOT_OWN = "the job was not submitted by this process's DRMAA session, so its exit status cannot be learnt";

    private final BackendContext context;
    private final NativeSession session;
    private final Drmaa drmaa;
    private final TemplateTranslator translator;
    private final Set<Capability> capabilities;
    private final String drmSystem;
    private final Map<String, JobInfo> known = new ConcurrentHashMap<>();
    private final Map<String, JobInfo> lastFromLibrary = new ConcurrentHashMap<>();
    private final Consumer<WaitResult> listener = this::reaped;
    private final NativeTemplateCache templates;
    /** Grid Engine's tools; null without them. */
    private final GridEngineCompanion companion;
    /** Where ended jobs ran, from Grid Engine's tools; null without them. */
    private final JobPlacements placements;
    /** How other processes' jobs ended, from Grid Engine's accounting; null without its tools. */
    private final ForeignJobEnds foreign;
    /** True when submissions carry their tag in the job name (Grid Engine with its tools). */
    private final boolean tagged;

    DrmaaNativeBackend(BackendContext context, NativeSession session, NativeSpecDialect dialect, GridEngineCompanion companion) {
        this.context = context;
        this.session = session;
        this.drmaa = session.drmaa();
        this.drmSystem = session.drmSystem();
        Set<String> attrs = new HashSet<>(session.attributeNames());
        this.translator = new TemplateTranslator(dialect, attrs);
        Set<Capability> caps = EnumSet.copyOf(BASE);
        caps.addAll(dialect.capabilities(translator.attributes()));
        this.capabilities = Set.copyOf(caps);
        this.templates = new NativeTemplateCache(drmaa, 8);
        this.companion = companion;
        this.placements = companion == null ? null : new JobPlacements(companion, this::publishFinal);
        this.foreign = companion == null ? null : new ForeignJobEnds(companion);
        this.tagged = companion != null && dialect instanceof GridEngineDialect && attrs.contains(JOB_NAME);
        session.addListener(listener);
    }

    @Override
    public String drmsName() {
        return translator.dialect().drmsName(drmSystem);
    }

    @Override
    public Version drmsVersion() {
        return versionOf(drmSystem);
    }

    /** @return the first dotted number in the DRM system text ({@code SGE 8.1.9} → 8.1.9), else 0.0 */
    static Version versionOf(String drmSystem) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)+)").matcher(drmSystem == null ? "" : drmSystem);
        return m.find() ? Version.parse(m.group(1)) : new Version("0", "0");
    }

    @Override
    public String contact() {
        String c = context.contact();
        return c == null || c.isBlank() ? drmaa.contact() : c;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
        TemplateChecks.requireKnownExtensions(template, translator.dialect().knownExtensions());
        translator.translate(template, bulk ? new BulkRange(1, 2, 1, 0) : null);
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        JobTemplate t = request.template();
        NativeJobTemplate nt = translator.translate(t, null);
        String id = withTemplate(nt, name(request), jt -> List.of(drmaa.runJob(jt))).get(0);
        return new Submitted(id, accepted(id, t), Map.of());
    }

    /** @return the job name Grid Engine gets (with the submission's tag), or null to keep the template's */
    private String name(SubmitRequest request) {
        return tagged && request.tag() != null ? GridEngineTags.jobName(request.template().getJobName(), request.tag()) : null;
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        NativeJobTemplate nt = translator.translate(t, range);
        List<String> ids = withTemplate(nt, name(request), jt -> drmaa.runBulkJobs(jt, (int) range.begin(), (int) range.end(), (int) range.step()));
        if (ids.size() != range.indices().size()) {
            throw new InternalException("drmaa_run_bulk_jobs returned " + ids.size() + " job ids for " + range.indices().size() + " indices: " + ids);
        }
        List<Submitted> tasks = new ArrayList<>();
        for (String id : ids) tasks.add(new Submitted(id, accepted(id, t), Map.of()));
        return new BulkSubmitted(translator.dialect().arrayId(ids), tasks);
    }

    /**
     * Submits through the (cached) native template and wakes the reaper.
     *
     * @param name the job name for this submission (a tagged one), or null for the template's
     */
    private List<String> withTemplate(NativeJobTemplate nt, String name, java.util.function.Function<Pointer, List<String>> submit) {
        List<String> ids = templates.submit(nt, jt -> {
            if (name != null) drmaa.set(jt, JOB_NAME, name, "jobName");
            return submit.apply(jt);
        });
        session.submitted(ids);
        return ids;
    }

    /** Registers what is known at submission; publishes the end at once if the reaper was quicker. */
    private JobInfo accepted(String id, JobTemplate t) {
        JobInfo info = JobInfo.builder().jobId(id).jobName(t.getJobName()).queueName(t.getQueueName())
                .jobState(t.isSubmitAsHold() ? JobState.QUEUED_HELD : JobState.QUEUED)
                .jobSubState(t.isSubmitAsHold() ? "USER_ON_HOLD" : "QUEUED_ACTIVE").submissionTime(Instant.now())
                .jobOwner(System.getProperty("user.name")).slots(t.getMinSlots() == null ? 1L : t.getMinSlots()).build();
        known.put(id, info);
        WaitResult r = session.reaped(id);
        if (r != null) ended(r, info);
        return info;
    }

    private void reaped(WaitResult r) {
        JobInfo base = known.get(r.jobId());
        if (base != null) ended(r, base);
    }

    /**
     * A reaped job: its final information is published at once, or, with Grid Engine's tools, once
     * they said where it ran.
     *
     * @return the final information when it is complete now, else null (it is published later)
     */
    private JobInfo ended(WaitResult r, JobInfo base) {
        JobInfo info = ReapedJobInfo.of(r, base);
        if (placements == null) {
            context.sink().publish(info);
            return info;
        }
        return placements.ended(info);
    }

    private void publishFinal(JobInfo info) {
        if (known.containsKey(info.getJobId())) context.sink().publish(info);
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        String id = job.jobId();
        JobInfo now = job.info();
        switch (action) {
            case SUSPEND:
                drmaa.control(id, CONTROL_SUSPEND, false);
                return now.toBuilder().jobState(JobState.SUSPENDED).jobSubState("USER_SUSPENDED").build();
            case RESUME:
                drmaa.control(id, CONTROL_RESUME, false);
                return now.toBuilder().jobState(JobState.RUNNING).jobSubState("RUNNING").build();
            case HOLD:
                drmaa.control(id, CONTROL_HOLD, false);
                return now.toBuilder().jobState(JobState.QUEUED_HELD).jobSubState("USER_ON_HOLD").build();
            case RELEASE:
                drmaa.control(id, CONTROL_RELEASE, false);
                return now.toBuilder().jobState(JobState.QUEUED).jobSubState("QUEUED_ACTIVE").build();
            case TERMINATE:
                drmaa.control(id, CONTROL_TERMINATE, true);
                return null;
            default:
                throw new IllegalStateException("unhandled action " + action);
        }
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        Map<String, JobInfo> out = new HashMap<>();
        Map<String, GridEngineJobList.Row> listed = companion == null ? null : companion.jobs();
        List<JobRecord> foreignEnded = new ArrayList<>();
        for (JobRecord j : jobs) {
            JobInfo i = statusOf(j, listed, foreignEnded);
            if (i != null) out.put(j.jobId(), i);
        }
        if (!foreignEnded.isEmpty()) out.putAll(foreign.resolve(foreignEnded, this::notOwnEnd));
        return out;
    }

    /**
     * Finds submissions by the tag in their Grid Engine job names ({@link GridEngineTags}), with
     * Grid Engine's tools. Without them (another library, or no {@code qstat}/{@code qacct}) DRMAA
     * 1.0 offers no way to list jobs, so the answer is that nothing can be looked up.
     */
    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        if (!tagged) return Optional.empty();
        WantedTags query = WantedTags.of(intents);
        Map<String, String> numbers = companion.jobNumbersByTag(query.tags(), query.oldest().minusSeconds(60));
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (SubmissionIntent i : intents) {
            String n = numbers.get(i.tag());
            if (n == null) continue;
            JobInfo base = JobInfo.builder().jobName(i.template().getJobName()).queueName(i.template().getQueueName())
                    .jobState(JobState.QUEUED).jobSubState("QUEUED_ACTIVE").submissionTime(i.recordedAt())
                    .jobOwner(System.getProperty("user.name")).slots(i.template().getMinSlots() == null ? 1L : i.template().getMinSlots())
                    .build();
            List<Submitted> tasks = new ArrayList<>();
            if (i.range() == null) tasks.add(new Submitted(n, base.toBuilder().jobId(n).build(), Map.of()));
            else for (long k : i.range().indices()) tasks.add(new Submitted(n + "." + k, base.toBuilder().jobId(n + "." + k).build(), Map.of()));
            out.put(i.tag(), new BulkSubmitted(n, tasks));
        }
        return Optional.of(out);
    }

    /**
     * @param j a live job
     * @param row its row in Grid Engine's job list, or null: then the library is asked
     * @return the job's information, or null to keep the last known (an own job not reaped yet)
     */
    private JobInfo statusOf(JobRecord j, Map<String, GridEngineJobList.Row> listed, List<JobRecord> foreignEnded) {
        GridEngineJobList.Row row = listed == null ? null : listed.get(j.jobId());
        String id = j.jobId();
        JobInfo base = known.getOrDefault(id, j.info());
        WaitResult r = session.reaped(id);
        if (r != null) return ended(r, base);
        if (listed != null && row == null && foreign != null && !session.isOwn(id)) {
            // qstat -u lists every live job of the user: another process's job it does not list has
            // ended, and its end comes from the accounting (the library is asked only if that never
            // comes: one qmaster request per job and poll was minutes for a reopened session's jobs)
            foreignEnded.add(j.withInfo(base));
            return null;
        }
        Integer listedPs = row == null ? null : GridEngineJobList.drmaaState(row.state());
        // qstat shows a job waiting for its start time as queued; the library says SYSTEM_ON_HOLD
        if (listedPs != null && listedPs == PS_QUEUED_ACTIVE && j.template() != null && j.template().getStartTime() != null) listedPs = null;
        int ps = listedPs != null ? listedPs : drmaa.jobPs(id);
        if (ps == PS_DONE || ps == PS_FAILED || ps == Drmaa.PS_UNKNOWN_JOB) {
            r = session.isOwn(id) ? session.reapNow(id) : null;
            if (r != null) return ended(r, base);
            if (session.isOwn(id)) return null;
            JobInfo asLibrarySays = asLibrarySays(base, ps);
            if (foreign == null) return asLibrarySays;
            lastFromLibrary.put(id, asLibrarySays);
            foreignEnded.add(j.withInfo(base));
            return null;
        }
        JobInfo.Builder b = base.toBuilder().jobState(DrmaaStates.map(ps)).jobSubState(DrmaaStates.name(ps));
        if (ps == PS_RUNNING && base.getDispatchTime() == null) b.dispatchTime(Instant.now());
        JobInfo info = b.build();
        if (row != null && row.placement() != null && info.getAllocatedMachines().isEmpty()) info = row.placement().applyTo(info);
        JobInfo placed = info;
        known.computeIfPresent(id, (k, old) -> placed);
        return placed;
    }

    /** An ended job of another process, as the library reports it. */
    private static JobInfo asLibrarySays(JobInfo base, int ps) {
        return ps == Drmaa.PS_UNKNOWN_JOB
                ? base.toBuilder().jobState(JobState.UNDETERMINED).jobSubState("UNKNOWN_JOB")
                        .annotation("the DRMAA library no longer knows the job; " + NOT_OWN).build()
                : base.toBuilder().jobState(DrmaaStates.map(ps)).jobSubState(DrmaaStates.name(ps)).annotation(NOT_OWN).build();
    }

    /** What the library says of an ended job of another process whose accounting record never came. */
    private JobInfo notOwnEnd(JobRecord r) {
        JobInfo i = lastFromLibrary.remove(r.jobId());
        if (i != null) return i;
        int ps;
        try {
            ps = drmaa.jobPs(r.jobId());
        } catch (org.drmaa2j.Drmaa2Exception e) {
            ps = -1;
        }
        return ps == PS_DONE || ps == PS_FAILED || ps == Drmaa.PS_UNKNOWN_JOB ? asLibrarySays(r.info(), ps)
                : r.info().toBuilder().jobState(JobState.UNDETERMINED).annotation(NOT_OWN).build();
    }

    @Override
    public void adopt(List<JobRecord> jobs) {
        for (JobRecord j : jobs) known.putIfAbsent(j.jobId(), j.info());
    }

    @Override
    public void forget(JobRecord job) {
        known.remove(job.jobId());
        session.forget(job.jobId());
        if (placements != null) placements.forget(job.jobId());
        if (foreign != null) foreign.forget(job.jobId());
        lastFromLibrary.remove(job.jobId());
    }

    @Override
    public void close() {
        session.removeListener(listener);
        templates.close();
        if (placements != null) placements.close();
    }
}
