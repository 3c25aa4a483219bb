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
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.SlurmCommentTags;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.ReservationBackend;
import org.drmaa2j.spi.cli.CliBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slurm through sbatch, squeue, sacct, scontrol, scancel and sinfo, for one contact. A site's own
 * driver may extend it (see {@code examples/site-driver}): the kit's {@code submission} and
 * {@code jobId} hooks change how jobs are submitted while status, control and monitoring stay Slurm's.
 */
public class SlurmBackend extends CliBackend<SlurmSubmitCommand> {
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

    private final SlurmStatusQuery status;
    private final SlurmControl control;
    private final SlurmMonitoring monitoring;
    private final SlurmCommentTags tags;
    private volatile SlurmRelease release;
    private volatile Set<Capability> capabilities;
    private volatile Optional<ReservationBackend> reservations;

    /** @param cli what the provider opened for this connection */
    protected SlurmBackend(CliContext cli) {
        super(cli, "PENDING", "PENDING");
        CommandRunner runner = cli.runner();
        this.status = new SlurmStatusQuery(runner, this::release);
        this.control = new SlurmControl(runner, cli.backend().sink());
        this.monitoring = new SlurmMonitoring(runner);
        this.tags = new SlurmCommentTags(runner);
    }

    @Override
    public String drmsName() {
        return "Slurm";
    }

    @Override
    protected Version readVersion() {
        return release().toVersion();
    }

    /**
     * @return the Slurm release of this connection, asked once with {@code squeue --version} (squeue
     *     formats what the status query reads); a failed ask is not remembered
     * @throws org.drmaa2j.DrmCommunicationException when squeue cannot be run
     */
    SlurmRelease release() {
        SlurmRelease r = release;
        if (r == null) {
            synchronized (this) {
                r = release;
                if (r == null) {
                    release = r = SlurmRelease.parse(CommandErrors.output(runner().run(Command.of("squeue", "--version"))));
                    LOG.debug("{} at {}", r, contact());
                }
            }
        }
        return r;
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
            String user = CliRunners.userName(runner());
            if (SlurmReservationPermission.decide(settings(), runner(), user)) r = Optional.of(new SlurmReservations(runner(), user));
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
    protected SlurmSubmitCommand newSubmitCommand() {
        return new SlurmSubmitCommand(renderer(), homeDirectory());
    }

    @Override
    protected Optional<String> jobId(String output) {
        return SbatchOutput.jobId(output);
    }

    @Override
    protected String taskId(String arrayId, long index) {
        return arrayId + "_" + index;
    }

    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        Map<String, String> ids = tags.find(intents);
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (SubmissionIntent i : intents) {
            String id = ids.get(i.tag());
            if (id == null) continue;
            out.put(i.tag(), i.range() == null ? new BulkSubmitted(id, List.of(queued(id, i.template()))) : array(id, i.range(), i.template()));
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
}
