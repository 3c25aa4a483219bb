// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.Submissions;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.JobRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OpenPBS/PBS Pro, Torque or Slurm's Torque wrappers through qsub, qstat, qhold, qrls, qsig and qdel, for one contact. */
final class PbsBackend implements DriverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(PbsBackend.class);
    private final BackendContext context;
    private final CommandRunner runner;
    private final PbsDialect dialect;
    private final Version version;
    private final Set<Capability> capabilities;
    private final PbsSubmitCommand submitCommand;
    private final PbsStatusQuery status;
    private final PbsControl control;
    private final PbsMonitoring monitoring;
    private final ExitFiles exitFiles;
    private final SlurmTaskIds taskIds;

    PbsBackend(BackendContext context, CommandRunner runner, ScriptRenderer renderer) {
        this.context = context;
        this.runner = runner;
        PbsDialectDetector.Detected d = PbsDialectDetector.detect(runner, context.settings().get(PbsDialect.PROPERTY).orElse(null));
        this.dialect = d.dialect();
        this.version = d.version();
        boolean userMaySuspend = context.settings().getBoolean(PbsProvider.USER_MAY_SUSPEND, false);
        this.capabilities = capabilities(dialect, userMaySuspend);
        ZoneId zone = context.settings().getZone(PbsTimes.ZONE_PROPERTY, ZoneId.systemDefault());
        String homeDirectory = CliRunners.homeDirectory(runner);
        boolean exitFilesOn = context.settings().getBoolean(PbsProvider.EXIT_FILES, true);
        String exitDirectory = !exitFilesOn ? null
                : context.settings().get(PbsProvider.EXIT_DIRECTORY).orElse(homeDirectory + "/.drmaa2j/pbs/exit");
        if (exitDirectory == null && dialect == PbsDialect.SLURM_WRAPPERS) {
            LOG.warn("exit files are off: Slurm's wrappers show no exit status, so every ended job will be FAILED");
        }
        this.exitFiles = new ExitFiles(runner, exitDirectory);
        this.submitCommand = new PbsSubmitCommand(renderer, dialect, homeDirectory, exitDirectory, zone);
        SlurmTaskIds taskIds = new SlurmTaskIds();
        this.taskIds = taskIds;
        this.status = new PbsStatusQuery(runner, dialect, zone, exitFiles, taskIds);
        this.control = new PbsControl(runner, dialect, taskIds);
        this.monitoring = new PbsMonitoring(runner, dialect);
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

    @Override
    public String drmsName() {
        return dialect.displayName();
    }

    @Override
    public Version drmsVersion() {
        return version;
    }

    @Override
    public String contact() {
        return context.contact();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
        TemplateChecks.requireKnownExtensions(template, PbsSubmitCommand.KNOWN_EXTENSIONS);
        submitCommand.build(template, null); // validates every value before anything is submitted
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        JobTemplate t = request.template();
        String id = qsub(submitCommand.build(t, null));
        return Submissions.queued(id, t, "Q", "H");
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        if (submitCommand.isSingleIndex(range)) {
            String id = qsub(submitCommand.build(t, range));
            return new BulkSubmitted(id, List.of(Submissions.queued(id, t, "Q", "H")));
        }
        String arrayId = QsubOutput.arrayId(qsub(submitCommand.build(t, range)));
        return Submissions.array(arrayId, range, i -> QsubOutput.taskId(arrayId, i), t, "Q", "H");
    }

    private String qsub(Command command) {
        return Submissions.run(runner::run, command, QsubOutput::jobId);
    }


    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        return control.control(job, action);
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        return status.query(jobs);
    }

    @Override
    public void forget(JobRecord job) {
        exitFiles.delete(job.jobId());
        taskIds.forget(job.jobId());
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
        return status.all();
    }

    @Override
    public void close() {
        runner.close();
    }
}
