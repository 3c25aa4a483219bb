// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.cli.CliBackend;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;

/** IBM Spectrum LSF through bsub, bjobs, bhist, bacct, bstop, bresume, bkill, bqueues, bhosts, lshosts and lsid, for one contact. */
final class LsfBackend extends CliBackend<LsfSubmitCommand> {
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.CALLBACK, Capability.BULK_JOBS_MAXPARALLEL, Capability.JT_EMAIL, Capability.JT_STAGING,
            Capability.JT_DEADLINE, Capability.JT_MAXSLOTS, Capability.JT_ACCOUNTINGID, Capability.JOB_SUSPEND,
            Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD, Capability.MONITORING, Capability.PERSISTENT_SESSIONS,
            Capability.JT_START_TIME, Capability.JT_PRIORITY, Capability.JT_CANDIDATE_MACHINES,
            Capability.JT_MIN_PHYS_MEMORY, Capability.JT_RESERVATION, Capability.JT_RESOURCE_LIMITS,
            Capability.JT_RERUNNABLE, Capability.JT_QUEUE, Capability.JT_INPUT_PATH));

    private final CliCommands commands;
    private final String formatOverride;
    private final String unitForLimits;
    private final ZoneId zone;
    private final LsfStatusQuery status;
    private final LsfControl control;
    private final LsfMonitoring monitoring;
    private volatile LsfDialect dialect;

    LsfBackend(CliContext cli) {
        super(cli, "PEND", "PSUSP");
        this.commands = CliCommands.inDirectory(cli.runner(), settings().get(LsfProvider.BIN_DIR_PROPERTY).orElse(null));
        this.formatOverride = settings().get(LsfProvider.FORMAT_PROPERTY).orElse(null);
        this.unitForLimits = settings().get(LsfProvider.UNIT_PROPERTY).orElse(null);
        this.zone = settings().getZone(LsfProvider.TIME_ZONE_PROPERTY, ZoneId.systemDefault());
        LsfTimes times = new LsfTimes(zone, Clock.systemUTC());
        this.status = new LsfStatusQuery(commands, this::dialect, times);
        this.control = new LsfControl(commands);
        this.monitoring = new LsfMonitoring(commands, this::dialect);
    }

    @Override
    public String drmsName() {
        return "LSF";
    }

    @Override
    protected Version readVersion() {
        return dialect().version();
    }

    /** @return the LSF release's conventions, learnt once from {@code lsid} */
    LsfDialect dialect() {
        LsfDialect d = dialect;
        if (d == null) {
            CommandResult r = commands.run("lsid");
            if (!r.succeeded() && formatOverride == null) throw new DrmCommunicationException(r.describeFailure());
            dialect = d = LsfDialect.detect(r.stdout() + "\n" + r.stderr(), formatOverride, unitForLimits);
        }
        return d;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    protected LsfSubmitCommand newSubmitCommand() {
        return new LsfSubmitCommand(renderer(), homeDirectory(), dialect(), zone, commands);
    }

    @Override
    protected Optional<String> jobId(String output) {
        return LsfMessages.submittedJobId(output);
    }

    @Override
    protected String taskId(String arrayId, long index) {
        return arrayId + "[" + index + "]";
    }

    /**
     * Looks submissions up by the job description bsub gave them ({@link LsfTagLookup}). LSF
     * releases before 10.1.0.2 get no description ({@code -Jd} is a 10.1 option), so there the
     * answer is that nothing can be looked up: the submissions stay pending.
     */
    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        if (!dialect().current()) return Optional.empty();
        Map<String, String> ids = new LsfTagLookup(commands).find(intents);
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
        List<String> ids = new ArrayList<>();
        for (JobRecord j : jobs) ids.add(j.jobId());
        return new HashMap<>(status.query(ids));
    }

    @Override
    public void forget(JobRecord job) {
        status.forget(job.jobId());
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
        return status.bjobs(List.of("-u", "all", "-a"));
    }
}
