// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.InternalException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.JobAction;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.exec.CommandNotFoundException;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link JobSession} whose jobs live in the session store and are run by a backend. */
public final class GenericJobSession implements JobSession {
    private static final Logger LOG = LoggerFactory.getLogger(GenericJobSession.class);
    private final GenericSessionManager manager;
    private final Connection connection;
    private final String name;
    private final String contact;
    private final Map<String, GenericJob> jobs = new LinkedHashMap<>();
    private final Map<String, GenericJobArray> arrays = new LinkedHashMap<>();
    private volatile boolean closed;

    GenericJobSession(GenericSessionManager manager, Connection connection, String name, String contact) {
        this.manager = manager;
        this.connection = connection;
        this.name = name;
        this.contact = contact;
    }

    /** Adds stored jobs when the session is reopened. */
    void restore(List<JobRecord> records) {
        Map<String, List<GenericJob>> byArray = new LinkedHashMap<>();
        Map<String, JobTemplate> arrayTemplates = new LinkedHashMap<>();
        synchronized (this) {
            for (JobRecord r : records) {
                GenericJob j = new GenericJob(this, r.jobId());
                jobs.put(r.jobId(), j);
                if (r.arrayId() != null) {
                    byArray.computeIfAbsent(r.arrayId(), k -> new ArrayList<>()).add(j);
                    arrayTemplates.putIfAbsent(r.arrayId(), r.template());
                }
            }
            byArray.forEach((id, tasks) -> arrays.put(id, new GenericJobArray(this, id, tasks, arrayTemplates.get(id))));
        }
    }

    Connection connection() {
        return connection;
    }

    void checkOpen() {
        if (closed) throw new InvalidSessionException("job session '" + name + "' is closed");
    }

    @Override
    public String getContact() {
        checkOpen();
        return contact;
    }

    @Override
    public String getSessionName() {
        return name;
    }

    @Override
    public Set<String> getJobCategories() {
        checkOpen();
        return connection.backend().jobCategories();
    }

    @Override
    public List<Job> getJobs(JobInfo filter) {
        checkOpen();
        List<GenericJob> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(jobs.values());
        }
        List<Job> result = new ArrayList<>();
        for (GenericJob j : snapshot) {
            if (filter == null || filter.matches(j.getJobInfo())) result.add(j);
        }
        return result;
    }

    @Override
    public synchronized JobArray getJobArray(String jobArrayId) {
        checkOpen();
        GenericJobArray a = arrays.get(jobArrayId);
        if (a == null) throw new InvalidArgumentException("jobArrayId", "session '" + name + "' has no job array " + jobArrayId);
        return a;
    }

    @Override
    public Job runJob(JobTemplate template) {
        checkOpen();
        checkTemplate(template, false);
        String tag = intend(template, null);
        Submitted s;
        try {
            s = connection.backend().submit(request(template, tag));
        } catch (RuntimeException e) {
            abandon(tag, e);
            throw e;
        }
        GenericJob job = new GenericJob(this, s.jobId());
        JobRecord rec = new JobRecord(s.jobId(), name, null, 1, template, s.info(), s.driverData());
        recordOrCancel(tag, List.of(rec));
        synchronized (this) {
            jobs.put(s.jobId(), job);
        }
        return job;
    }

    @Override
    public JobArray runBulkJobs(JobTemplate template, long begin, long end, long step, long maxParallel) {
        checkOpen();
        if (template == null) throw new InvalidArgumentException("template", "must not be null");
        if (begin < 1) throw new InvalidArgumentException("begin", "must be at least 1 (was " + begin + ")");
        if (end < begin) throw new InvalidArgumentException("end", "must not be below begin (" + end + " < " + begin + ")");
        if (step < 1) throw new InvalidArgumentException("step", "must be at least 1 (was " + step + ")");
        if (maxParallel < 0) throw new InvalidArgumentException("maxParallel", "must be 0 (no limit) or positive (was " + maxParallel + ")");
        if (maxParallel > 0) connection.requireCapability(Capability.BULK_JOBS_MAXPARALLEL, "runBulkJobs with maxParallel");
        checkTemplate(template, true);
        BulkRange range = new BulkRange(begin, end, step, maxParallel);
        List<Long> indices = range.indices();
        String tag = intend(template, range);
        BulkSubmitted b;
        try {
            b = connection.backend().submitBulk(request(template, tag), range);
        } catch (RuntimeException e) {
            abandon(tag, e);
            throw e;
        }
        List<GenericJob> tasks = new ArrayList<>();
        List<JobRecord> recs = new ArrayList<>();
        for (int i = 0; i < b.tasks().size(); i++) {
            Submitted s = b.tasks().get(i);
            long index = i < indices.size() ? indices.get(i) : i + begin;
            recs.add(new JobRecord(s.jobId(), name, b.arrayId(), index, template, s.info(), s.driverData()));
            tasks.add(new GenericJob(this, s.jobId()));
        }
        recordOrCancel(tag, recs);
        GenericJobArray array = new GenericJobArray(this, b.arrayId(), tasks, template);
        synchronized (this) {
            tasks.forEach(t -> jobs.put(t.getJobId(), t));
            arrays.put(b.arrayId(), array);
        }
        return array;
    }

    @Override
    public Job waitAnyStarted(List<Job> list, Duration timeout) {
        return waitAny(list, timeout, true);
    }

    @Override
    public Job waitAnyTerminated(List<Job> list, Duration timeout) {
        return waitAny(list, timeout, false);
    }

    private Job waitAny(List<Job> list, Duration timeout, boolean started) {
        checkOpen();
        if (list == null || list.isEmpty()) throw new InvalidArgumentException("jobs", "must name at least one job");
        List<GenericJob> mine = new ArrayList<>();
        for (Job j : list) {
            if (!(j instanceof GenericJob) || ((GenericJob) j).session() != this) {
                throw new InvalidArgumentException("jobs", j + " is not a job of session '" + name + "'");
            }
            GenericJob g = (GenericJob) j;
            g.check();
            mine.add(g);
        }
        StateBoard board = connection.board();
        List<String> ids = new ArrayList<>();
        for (GenericJob g : mine) ids.add(g.getJobId());
        return connection.await(ids, started, () -> {
            for (GenericJob g : mine) {
                JobInfo i = board.get(g.getJobId());
                JobState s = i == null ? null : i.getJobState();
                if (s != null && (started ? s.hasStarted() : s.isTerminal())) return g;
            }
            return null;
        }, timeout, () -> mine.forEach(GenericJob::check), "any of " + mine.size() + " jobs to " + (started ? "start" : "end"));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        connection.board().wakeAll();
        manager.closed(this);
        manager.store().closeSession(name);
    }

    void reaped(GenericJob job) {
        synchronized (this) {
            jobs.remove(job.getJobId());
        }
        connection.forget(job.getJobId());
        manager.store().deleteJob(name, job.getJobId());
    }

    /**
     * Records the intent to submit, with a new unique tag, before the scheduler is asked: if this
     * process dies before the job id is recorded, reopening the session finds the job by its tag.
     */
    private String intend(JobTemplate template, BulkRange range) {
        String tag = SubmissionTags.newTag(name);
        try {
            manager.store().recordIntent(name, new SubmissionIntent(tag, Instant.now(), template, range));
        } catch (InternalException e) {
            throw new InternalException(e.getMessage() + "; nothing was submitted", e);
        }
        return tag;
    }

    /**
     * A submission failed. When the scheduler surely has nothing (it refused, or the request never
     * reached it), the intent is dropped; otherwise (the answer was lost) it stays pending and the
     * next reopen resolves it against the scheduler.
     */
    private void abandon(String tag, RuntimeException e) {
        if (e instanceof DeniedByDrmsException || e instanceof InvalidArgumentException
                || e instanceof UnsupportedAttributeException || e instanceof org.drmaa2j.OperationUnsupportedException
                || e instanceof CommandNotFoundException) {
            manager.store().dropIntent(name, tag, e.getClass().getSimpleName());
        } else {
            manager.store().leavePending(tag);
            LOG.warn("the outcome of submission {} in session '{}' is unknown ({}); reopening the session resolves it",
                    tag, name, e.toString());
        }
    }

    /** Records submitted jobs; if that fails, ends them on the scheduler so that nothing is left half-submitted. */
    private void recordOrCancel(String tag, List<JobRecord> recs) {
        try {
            connection.registerSubmitted(tag, recs);
        } catch (RuntimeException e) {
            for (JobRecord r : recs) {
                try {
                    connection.backend().control(r, JobAction.TERMINATE);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                connection.forget(r.jobId());
            }
            throw e;
        }
    }

    private SubmitRequest request(JobTemplate template, String tag) {
        return new SubmitRequest(name, manager.store().sessionDirectory(name), template, tag);
    }

    private void checkTemplate(JobTemplate template, boolean bulk) {
        if (template == null) throw new InvalidArgumentException("template", "must not be null");
        TemplateChecks.requireCapabilities(template, connection.backend().capabilities(), connection.backend().jobCategories());
        connection.backend().checkTemplate(template, bulk);
    }

    @Override
    public String toString() {
        return "JobSession[" + name + "]";
    }
}
