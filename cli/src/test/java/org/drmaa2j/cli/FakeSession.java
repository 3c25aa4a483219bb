// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperationUnsupportedException;

/** A job session of {@link FakeDriver}; the command {@code reject} is refused as a scheduler would. */
final class FakeSession implements JobSession {
    private final String name;
    private final String contact;
    private final Map<String, FakeJob> jobs;
    private volatile boolean closed;

    FakeSession(String name, String contact, Map<String, FakeJob> jobs) {
        this.name = name;
        this.contact = contact;
        this.jobs = jobs;
    }

    private void check() {
        if (closed) throw new InvalidSessionException("session " + name + " is closed");
    }

    @Override public String getContact() { return contact; }
    @Override public String getSessionName() { return name; }
    @Override public Set<String> getJobCategories() { return Set.of(); }

    @Override
    public List<Job> getJobs(JobInfo filter) {
        check();
        List<Job> result = new ArrayList<>();
        for (FakeJob j : jobs.values()) {
            if (!j.isReaped() && (filter == null || filter.matches(j.getJobInfo()))) result.add(j);
        }
        result.sort((a, b) -> Long.compare(Long.parseLong(a.getJobId()), Long.parseLong(b.getJobId())));
        return result;
    }

    @Override
    public JobArray getJobArray(String jobArrayId) {
        throw new OperationUnsupportedException("no arrays in the fake driver");
    }

    @Override
    public Job runJob(JobTemplate template) {
        check();
        if (template.getRemoteCommand().equals("reject")) {
            throw new DeniedByDrmsException("sbatch: error: Batch job submission failed: Invalid partition name specified (exit code 1)");
        }
        FakeJob job = new FakeJob(name, template);
        jobs.put(job.getJobId(), job);
        return job;
    }

    @Override
    public JobArray runBulkJobs(JobTemplate template, long begin, long end, long step, long maxParallel) {
        throw new OperationUnsupportedException("no arrays in the fake driver");
    }

    @Override
    public Job waitAnyStarted(List<Job> list, Duration timeout) {
        throw new OperationUnsupportedException("not needed by the command");
    }

    @Override
    public Job waitAnyTerminated(List<Job> list, Duration timeout) {
        throw new OperationUnsupportedException("not needed by the command");
    }

    @Override
    public void close() {
        closed = true;
    }
}
