// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.ExtensionKeys;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submissions;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.cli.CliBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.script.CompletionTail;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;

/**
 * HTCondor through condor_submit, condor_q, condor_history, the job control commands and
 * condor_status, for one contact. A single job is {@code CLUSTER.0}; the task of index i of a bulk
 * job is {@code CLUSTER.PROC} with {@code PROC = (i - begin) / step}.
 */
final class CondorBackend extends CliBackend<CondorSubmitCommand> {
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.CALLBACK, Capability.BULK_JOBS_MAXPARALLEL, Capability.JT_EMAIL, Capability.JT_DEADLINE,
            Capability.JT_ACCOUNTINGID, Capability.JOB_SUSPEND, Capability.JOB_HOLD, Capability.JT_SUBMIT_AS_HOLD,
            Capability.MONITORING, Capability.PERSISTENT_SESSIONS, Capability.JT_START_TIME, Capability.JT_PRIORITY,
            Capability.JT_CANDIDATE_MACHINES, Capability.JT_MIN_PHYS_MEMORY, Capability.JT_MACHINE_OS, Capability.JT_MACHINE_ARCH,
            Capability.JT_RESOURCE_LIMITS, Capability.JT_RERUNNABLE, Capability.JT_INPUT_PATH));
    /** HTCondor has no job dependencies of its own (DAGMan is a separate tool). */
    static final ExtensionKeys EXTENSIONS = ExtensionKeys.STANDARD.without(Extensions.DEPENDENCIES);
    private static final String IDLE = CondorStates.name(1);
    private static final String HELD = CondorStates.name(5);

    private final CondorStatusQuery status;
    private final CondorControl control;
    private final CondorMonitoring monitoring;
    private final CondorTagLookup tags;

    CondorBackend(CliContext cli) {
        super(cli, IDLE, HELD);
        this.status = new CondorStatusQuery(runner());
        this.control = new CondorControl(runner());
        this.monitoring = new CondorMonitoring(runner());
        this.tags = new CondorTagLookup(runner());
    }

    @Override
    public String drmsName() {
        return "HTCondor";
    }

    @Override
    protected Version readVersion() {
        return parseVersion(CommandErrors.output(runner().run(Command.of("condor_version"))));
    }

    /**
     * @param condorVersion what {@code condor_version} printed, e.g. {@code $CondorVersion: 23.9.6 2026-07-12 PackageID: … $}
     * @return the version, {@code 23.9.6}
     */
    static Version parseVersion(String condorVersion) {
        String[] words = condorVersion.strip().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("$CondorVersion:")) return Version.parse(words[i + 1]);
        }
        throw new DrmCommunicationException("condor_version printed no version: " + condorVersion.strip());
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    protected ExtensionKeys extensionKeys() {
        return EXTENSIONS;
    }

    @Override
    protected CondorSubmitCommand newSubmitCommand() {
        return new CondorSubmitCommand(renderer(), homeDirectory());
    }

    @Override
    protected Optional<String> jobId(String output) {
        return CondorSubmitOutput.clusterId(output);
    }

    /** HTCondor names a task by its ProcId, not by its index: {@code CLUSTER.PROC}. */
    @Override
    protected String taskId(String cluster, long procId) {
        return cluster + "." + procId;
    }

    /** The script travels inside the description (a bash word), so the marker line is filled in before it is encoded. */
    @Override
    public Submitted submit(SubmitRequest request) {
        JobTemplate t = request.template();
        CompletionTail end = completionTail(request);
        CondorSubmitCommand.Marked c = submitCommand().build(t, null, request.tag(), end);
        Submitted s = queued(taskId(submitAndReadId(c.command()), 0), t);
        return c.marked() ? withMarker(s, end, 1) : s;
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        CompletionTail end = completionTail(request);
        CondorSubmitCommand.Marked c = submitCommand().build(t, range, request.tag(), end);
        BulkSubmitted b = tasks(submitAndReadId(c.command()), range, t);
        return c.marked() ? withMarkers(b, end, range) : b;
    }

    /** @return the array's tasks: index i is ProcId (i - begin) / step, which {@link #array} cannot say */
    private static BulkSubmitted tasks(String cluster, BulkRange range, JobTemplate t) {
        BulkSubmitted b = Submissions.array(cluster, range, i -> cluster + "." + (i - range.begin()) / range.step(), t, IDLE, HELD);
        if (range.maxParallel() <= 0) return b;
        List<Submitted> tasks = new ArrayList<>();
        for (Submitted s : b.tasks()) tasks.add(new Submitted(s.jobId(), s.info(), Map.of(CondorControl.LATE_KEY, "true")));
        return new BulkSubmitted(cluster, tasks);
    }

    @Override
    public Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        Map<String, String> clusters = tags.find(intents);
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (SubmissionIntent i : intents) {
            String cluster = clusters.get(i.tag());
            if (cluster == null) continue;
            String single = taskId(cluster, 0);
            out.put(i.tag(), i.range() == null ? new BulkSubmitted(single, List.of(queued(single, i.template())))
                    : tasks(cluster, i.range(), i.template()));
        }
        return Optional.of(out);
    }

    @Override
    public JobInfo control(JobRecord job, JobAction action) {
        return control.control(job, action);
    }

    @Override
    public Map<String, JobInfo> status(List<JobRecord> jobs) {
        Map<String, Instant> submitted = new HashMap<>();
        for (JobRecord j : jobs) submitted.put(j.jobId(), j.info() == null ? null : j.info().getSubmissionTime());
        return status.query(submitted);
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
        return status.allJobs();
    }
}
