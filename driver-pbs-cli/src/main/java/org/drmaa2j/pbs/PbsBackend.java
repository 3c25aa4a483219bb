// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.cli.CliBackend;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.script.CompletionTail;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenPBS/PBS Pro, Torque or Slurm's Torque wrappers through qsub, qstat, qhold, qrls, qsig and qdel,
 * for one contact. The flavour ({@link PbsDialectDetector}) and with it the version, the
 * capabilities and the dialect's status query, control and monitoring are learnt once, when first
 * needed; the kit does the rest of the submission.
 */
final class PbsBackend extends CliBackend<PbsSubmitCommand> {
    private static final Logger LOG = LoggerFactory.getLogger(PbsBackend.class);
    private final ZoneId zone;
    private final SlurmTaskIds taskIds = new SlurmTaskIds();
    private Flavour flavour;

    /** What depends on the flavour: learnt once. */
    private record Flavour(PbsDialect dialect, Version version, Set<Capability> capabilities, String exitDirectory,
            ExitFiles exitFiles, PbsStatusQuery status, PbsControl control, PbsMonitoring monitoring, PbsTagLookup tags) {
    }

    PbsBackend(CliContext cli) {
        super(cli, "Q", "H");
        this.zone = settings().getZone(PbsTimes.ZONE_PROPERTY, ZoneId.systemDefault());
    }

    /**
     * @param dialect the flavour
     * @param userMaySuspend whether the site lets users run {@code qsig -s suspend}
     * @return what the driver honours on that flavour
     */
    static Set<Capability> capabilities(PbsDialect dialect, boolean userMaySuspend) {
        EnumSet<Capability> c = EnumSet.of(Capability.CALLBACK, Capability.BULK_JOBS_MAXPARALLEL, Capability.JT_EMAIL,
                Capability.JT_ACCOUNTINGID, Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD, Capability.MONITORING,
                Capability.PERSISTENT_SESSIONS, Capability.JT_START_TIME, Capability.JT_MIN_PHYS_MEMORY,
                Capability.JT_RESOURCE_LIMITS, Capability.JT_RERUNNABLE, Capability.JT_QUEUE, Capability.JT_INPUT_PATH);
        if (dialect == PbsDialect.PBSPRO) c.add(Capability.JT_RESERVATION);
        if (dialect != PbsDialect.SLURM_WRAPPERS) c.add(Capability.JT_PRIORITY);
        if (dialect != PbsDialect.SLURM_WRAPPERS && userMaySuspend) c.add(Capability.JOB_SUSPEND);
        return Set.copyOf(c);
    }

    /** @return the flavour and what depends on it, learnt once ({@code qstat --version}) */
    private synchronized Flavour flavour() {
        if (flavour == null) flavour = learnFlavour();
        return flavour;
    }

    private Flavour learnFlavour() {
        PbsDialectDetector.Detected d = PbsDialectDetector.detect(runner(), settings().get(PbsDialect.PROPERTY).orElse(null));
        PbsDialect dialect = d.dialect();
        Set<Capability> capabilities = capabilities(dialect, settings().getBoolean(PbsProvider.USER_MAY_SUSPEND, false));
        String exitDirectory = !settings().getBoolean(PbsProvider.EXIT_FILES, true) ? null
                : settings().get(PbsProvider.EXIT_DIRECTORY).orElseGet(() -> homeDirectory() + "/.drmaa2j/pbs/exit");
        if (exitDirectory == null && dialect == PbsDialect.SLURM_WRAPPERS) {
            LOG.warn("exit files are off: Slurm's wrappers show no exit status, so every ended job will be FAILED");
        }
        ExitFiles exitFiles = new ExitFiles(runner(), exitDirectory);
        PbsStatusQuery status = new PbsStatusQuery(runner(), dialect, zone, exitFiles, taskIds);
        CliCommands commands = CliCommands.onPath(runner());
        PbsControl control = new PbsControl(commands, dialect, taskIds, j -> status.query(List.of(j)).get(j.jobId()));
        return new Flavour(dialect, d.version(), capabilities, exitDirectory, exitFiles, status, control,
                new PbsMonitoring(commands, dialect), new PbsTagLookup(runner(), dialect, zone, status));
    }

    @Override
    public String drmsName() {
        return flavour().dialect().displayName();
    }

    @Override
    protected Version readVersion() {
        return flavour().version();
    }

    @Override
    public Set<Capability> capabilities() {
        return flavour().capabilities();
    }

    @Override
    protected PbsSubmitCommand newSubmitCommand() {
        Flavour f = flavour();
        return new PbsSubmitCommand(renderer(), f.dialect(), homeDirectory(), f.exitDirectory(), zone);
    }

    @Override
    protected Optional<String> jobId(String output) {
        return QsubOutput.jobId(output);
    }

    @Override
    protected String taskId(String arrayId, long index) {
        return QsubOutput.taskId(arrayId, index);
    }

    /**
     * A bulk job of one index on OpenPBS/PBS Pro is a plain job ({@code -J} wants two); an array id
     * is read in {@code N[]} form. Its tasks write completion markers as the kit's do.
     */
    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        CompletionTail end = completionTail(request);
        Command c = submitCommand().build(t, range, request.tag());
        Command marked = end.applyTo(c);
        BulkSubmitted b = submitted(submitAndReadId(marked == null ? c : marked), range, t);
        return marked == null ? b : withMarkers(b, end, range);
    }

    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        Map<String, String> ids = flavour().tags().find(intents);
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (SubmissionIntent i : intents) {
            String id = ids.get(i.tag());
            if (id != null) out.put(i.tag(), submitted(id, i.range(), i.template()));
        }
        return Optional.of(out);
    }

    /**
     * @param id what qsub printed (or the tag lookup found)
     * @param range the bulk job's indices, or null for a single job
     * @param t the template
     * @return the job, or the array with its tasks
     */
    private BulkSubmitted submitted(String id, BulkRange range, JobTemplate t) {
        if (range == null || submitCommand().isSingleIndex(range)) return new BulkSubmitted(id, List.of(queued(id, t)));
        return array(QsubOutput.arrayId(id), range, t);
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        return flavour().control().control(job, action);
    }

    @Override
    public Optional<List<JobInfo>> controlArray(String arrayId, List<JobRecord> tasks, JobAction action) {
        return flavour().control().controlArray(arrayId, tasks, action);
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        return flavour().status().query(jobs);
    }

    @Override
    public void forget(JobRecord job) {
        flavour().exitFiles().delete(job.jobId());
        taskIds.forget(job.jobId());
    }

    @Override
    public List<QueueInfo> queues() {
        return flavour().monitoring().queues();
    }

    @Override
    public List<MachineInfo> machines() {
        return flavour().monitoring().machines();
    }

    @Override
    public List<JobInfo> allJobs() {
        return flavour().status().all();
    }
}
