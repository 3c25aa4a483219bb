// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.SlurmCommentTags;
import org.drmaa2j.spi.backend.Submissions;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.ReservationBackend;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Slurm through sbatch, squeue, sacct, scontrol, scancel and sinfo, for one contact. */
final class SlurmBackend implements DriverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmBackend.class);
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.CALLBACK, Capability.BULK_JOBS_MAXPARALLEL, Capability.JT_EMAIL, Capability.JT_DEADLINE,
            Capability.JT_ACCOUNTINGID, Capability.JOB_SUSPEND, Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD,
            Capability.MONITORING, Capability.PERSISTENT_SESSIONS, Capability.JT_START_TIME,
            Capability.JT_MIN_PHYS_MEMORY, Capability.JT_RESERVATION, Capability.JT_RESOURCE_LIMITS,
            Capability.JT_RERUNNABLE, Capability.JT_QUEUE, Capability.JT_INPUT_PATH));
    /** What an operator or administrator gets in addition: reservations of cores, starting now or later, by duration. */
    static final Set<Capability> RESERVATION_CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.ADVANCE_RESERVATION, Capability.RESERVE_SLOTS, Capability.RT_STARTNOW, Capability.RT_DURATION));

    private final BackendContext context;
    private final CommandRunner runner;
    private final SlurmStatusQuery status;
    private final SlurmControl control;
    private final SlurmMonitoring monitoring;
    private final SlurmCommentTags tags;
    private final ScriptRenderer renderer;
    private volatile SlurmSubmitCommand submitCommand;
    private volatile Version version;
    private volatile Set<Capability> capabilities;
    private volatile Optional<ReservationBackend> reservations;

    SlurmBackend(BackendContext context, CommandRunner runner, ScriptRenderer renderer) {
        this.context = context;
        this.runner = runner;
        this.renderer = renderer;
        this.status = new SlurmStatusQuery(runner);
        this.control = new SlurmControl(runner, context.sink());
        this.monitoring = new SlurmMonitoring(runner);
        this.tags = new SlurmCommentTags(runner);
    }

    @Override
    public String drmsName() {
        return "Slurm";
    }

    @Override
    public Version drmsVersion() {
        Version v = version;
        if (v == null) {
            CommandResult r = runner.run(Command.of("sinfo", "--version"));
            if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
            version = v = Version.parse(r.stdout().trim().replaceFirst("(?i)^slurm\\s+", ""));
        }
        return v;
    }

    @Override
    public String contact() {
        return context.contact();
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> c = capabilities;
        if (c == null) c = decideCapabilities();
        return c;
    }

    @Override
    public Optional<ReservationBackend> reservations() {
        if (capabilities == null) decideCapabilities();
        return reservations;
    }

    /** Asks Slurm once whether the user may create reservations (see {@link SlurmReservationPermission}). */
    private synchronized Set<Capability> decideCapabilities() {
        if (capabilities != null) return capabilities;
        Optional<ReservationBackend> r = Optional.empty();
        try {
            String user = CliRunners.userName(runner);
            if (SlurmReservationPermission.decide(context.settings(), runner, user)) r = Optional.of(new SlurmReservations(runner, user));
        } catch (DrmCommunicationException e) {
            LOG.info("advance reservations are off: {}", e.getMessage());
        }
        Set<Capability> c = EnumSet.copyOf(CAPABILITIES);
        if (r.isPresent()) c.addAll(RESERVATION_CAPABILITIES);
        reservations = r;
        capabilities = c = Set.copyOf(c);
        return c;
    }

    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
        TemplateChecks.requireKnownExtensions(template, SlurmSubmitCommand.KNOWN_EXTENSIONS);
        submitCommand().check(template); // checks every value before anything is submitted
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        JobTemplate t = request.template();
        String id = sbatch(submitCommand().build(t, null, request.tag()));
        return Submissions.queued(id, t, "PENDING", "PENDING");
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        String arrayId = sbatch(submitCommand().build(t, range, request.tag()));
        return Submissions.array(arrayId, range, i -> arrayId + "_" + i, t, "PENDING", "PENDING");
    }

    private String sbatch(Command command) {
        return Submissions.run(runner::run, command, SbatchOutput::jobId);
    }


    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        Map<String, String> ids = tags.find(intents);
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (SubmissionIntent i : intents) {
            String id = ids.get(i.tag());
            if (id == null) continue;
            out.put(i.tag(), i.range() == null
                    ? new BulkSubmitted(id, List.of(Submissions.queued(id, i.template(), "PENDING", "PENDING")))
                    : Submissions.array(id, i.range(), k -> id + "_" + k, i.template(), "PENDING", "PENDING"));
        }
        return Optional.of(out);
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        return control.control(job, action);
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        Map<String, JobRecord> byId = new HashMap<>();
        for (JobRecord j : jobs) byId.put(j.jobId(), j);
        Map<String, JobInfo> raw = status.query(byId.keySet());
        Map<String, JobInfo> out = new HashMap<>();
        raw.forEach((id, info) -> out.put(id, SlurmControl.overlay(info, byId.get(id))));
        return out;
    }

    @Override
    public List<QueueInfo> queues() {
        return monitoring.queues();
    }

    @Override
    public List<MachineInfo> machines() {
        return monitoring.machines();
    }

    @Override
    public List<JobInfo> allJobs() {
        return status.squeue(List.of());
    }

    @Override
    public void close() {
        runner.close();
    }

    private SlurmSubmitCommand submitCommand() {
        SlurmSubmitCommand s = submitCommand;
        if (s == null) {
            submitCommand = s = new SlurmSubmitCommand(renderer, CliRunners.homeDirectory(runner));
        }
        return s;
    }
}
