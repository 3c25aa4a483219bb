// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.TryLaterException;
import org.drmaa2j.spi.backend.StateSink;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.util.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local queue and process control: starts queued jobs in priority order (respecting holds,
 * start times and each array's maxParallel), signals process groups, enforces wall-clock limits
 * and deadlines, and turns each job's completion marker (written by the {@link JobSupervisor}) into the
 * job's final state. State is
 * changed under this object's lock; news is pushed to the {@link StateSink} after the lock is
 * released.
 */
final class LocalScheduler implements AutoCloseable {
    static final String PID = "pid";
    /** How long close waits for jobs being started. */
    static final Duration CLOSE_DRAIN = Duration.ofSeconds(30);
    static final String PID_START = "pidStart";
    /** How often a job another live process is starting is looked at again. */
    static final long RECHECK_MS = 1000;
    /** How soon a job seen ended but not yet reaped is looked at again for its marker. */
    static final long MARKER_RECHECK_MS = 20;
    static final String MAX_PARALLEL = "maxParallel";
    static final String END_REASON = "endReason";
    static final String TERMINATED = "TERMINATED";
    static final String WALLCLOCK_EXCEEDED = "WALLCLOCK_EXCEEDED";
    static final String DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);

    private final Map<String, LocalJob> jobs = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final ProcessLauncher launcher;
    private final SessionStore store;
    private final JobClaims claims;
    private final ClaimTakeover takeover;
    private final StateSink sink;
    private final String host;
    private final String owner = System.getProperty("user.name");
    private final int maxRunning;
    private final Duration grace;
    private long seq;
    private volatile boolean closed;

    LocalScheduler(ProcessLauncher launcher, SessionStore store, StateSink sink, String host, int maxRunning, Duration grace) {
        this.launcher = launcher;
        this.store = store;
        this.claims = new JobClaims(store);
        this.takeover = new ClaimTakeover(claims);
        this.sink = sink;
        this.host = host;
        this.maxRunning = maxRunning;
        this.grace = grace;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drmaa2j-local-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the start claims of the jobs */
    JobClaims claims() {
        return claims;
    }

    /** Runs on the scheduler's thread (no thread made per job end); after close, on the common pool. */
    private void onTimerThread(Runnable r) {
        try {
            timer.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(r);
        }
    }

    synchronized long nextSeq() {
        return seq++;
    }

    JobInfo info(LocalJob j) {
        synchronized (this) {
            return j.info(host, owner);
        }
    }

    synchronized LocalJob job(String id) {
        return jobs.get(id);
    }

    /** Queues new jobs and starts what may start. */
    void enqueue(List<LocalJob> list) {
        synchronized (this) {
            for (LocalJob j : list) {
                jobs.put(j.id, j);
                armTimers(j);
            }
        }
        timer.execute(this::dispatch);
    }

    /** Takes over stored jobs of a reopened session. */
    void adopt(List<JobRecord> records) {
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        synchronized (this) {
            for (JobRecord r : records) {
                if (r.info().getJobState() != null && r.info().getJobState().isTerminal()) continue;
                if (jobs.containsKey(r.jobId())) continue;
                LocalJob j = LocalJob.fromRecord(r, seq++);
                jobs.put(j.id, j);
                attach(j, out);
            }
        }
        out.send();
        timer.execute(this::dispatch);
    }

    /**
     * Finds out where a stored job stands: ended, running (started here or elsewhere), being started
     * by another live process (looked at again every {@value #RECHECK_MS} ms), or queued here. A
     * start claim whose owner is gone is taken over ({@link ClaimTakeover}). Under the lock.
     */
    private void attach(LocalJob j, LocalOutbox out) {
        Optional<CompletionMarker> m = marker(j);
        if (m.isPresent()) {
            finish(j, m.get(), null, out);
            return;
        }
        if (j.pid == 0) claims.readPidFile(j).ifPresent(w -> {
            j.pid = w.pid();
            j.pidStart = w.startMillis();
        });
        if (j.pid > 0) {
            j.startedElsewhere = false;
            watch(j, out);
            return;
        }
        if (!j.claimed && claims.isClaimed(j)) {
            ClaimTakeover.Outcome o = takeover.inspect(j);
            switch (o.kind()) {
                case OWNED_ELSEWHERE -> {
                    j.startedElsewhere = true;
                    j.timers.add(timer.schedule(() -> recheck(j), RECHECK_MS, TimeUnit.MILLISECONDS));
                    return;
                }
                case RUNNING, ENDED -> {
                    j.startedElsewhere = false;
                    j.claimed = true;
                    j.pid = o.process().pid();
                    j.pidStart = o.process().startMillis();
                    claims.writePidFile(j);
                    out.data(j.id, PID, Long.toString(j.pid));
                    if (j.pidStart != null) out.data(j.id, PID_START, Long.toString(j.pidStart));
                    watch(j, out);
                    return;
                }
                default -> {
                    j.startedElsewhere = false;
                    j.claimed = true;
                }
            }
        }
        if (j.state != JobState.QUEUED_HELD) j.state = JobState.QUEUED;
        armTimers(j);
        out.info(j);
    }

    /**
     * A job whose process another supervisor (or an older version's wrapper) started: watch it while
     * it runs, else read how it ended. Under the lock.
     */
    private void watch(LocalJob j, LocalOutbox out) {
        Optional<ProcessHandle> h = JobClaims.alive(j.pid, j.pidStart);
        if (h.isPresent()) {
            if (j.state != JobState.SUSPENDED) j.state = JobState.RUNNING;
            h.get().onExit().thenRunAsync(() -> exited(j, null));
            armTimers(j);
            out.info(j);
        } else {
            Optional<CompletionMarker> again = marker(j);
            if (again.isPresent()) finish(j, again.get(), null, out);
            else if (JobClaims.unreaped(j.pid)) markerComing(j);
            else lost(j, out);
        }
    }

    /** The job ended and is not reaped yet: its supervisor is writing its marker; look again shortly. */
    private void markerComing(LocalJob j) {
        j.timers.add(timer.schedule(() -> exited(j, null), MARKER_RECHECK_MS, TimeUnit.MILLISECONDS));
    }

    /** Looks again at a job another process was starting; takes it over if that process is gone. */
    private void recheck(LocalJob j) {
        if (closed) return;
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        synchronized (this) {
            if (jobs.get(j.id) != j || !j.startedElsewhere || j.isTerminal()) return;
            j.cancelTimers();
            attach(j, out);
        }
        out.send();
        dispatch();
    }

    /** Starts every queued job that may start now. */
    void dispatch() {
        if (closed) return;
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        synchronized (this) {
            List<LocalJob> queued = new ArrayList<>();
            Map<String, Integer> activeByArray = new HashMap<>();
            int active = 0;
            Instant now = Instant.now();
            for (LocalJob j : jobs.values()) {
                if (j.isActive()) {
                    active++;
                    if (j.arrayId != null) activeByArray.merge(j.arrayId, 1, Integer::sum);
                } else if (j.state == JobState.QUEUED && j.pid == 0 && !j.startedElsewhere
                        && (j.template.getStartTime() == null || !now.isBefore(j.template.getStartTime()))) {
                    queued.add(j);
                }
            }
            queued.sort(Comparator.comparingLong(LocalJob::priority).reversed().thenComparingLong(j -> j.seq));
            for (LocalJob j : queued) {
                if (maxRunning > 0 && active >= maxRunning) break;
                if (j.arrayId != null && j.maxParallel > 0 && activeByArray.getOrDefault(j.arrayId, 0) >= j.maxParallel) continue;
                if (launch(j, out)) {
                    active++;
                    if (j.arrayId != null) activeByArray.merge(j.arrayId, 1, Integer::sum);
                }
            }
        }
        out.send();
    }

    private boolean launch(LocalJob j, LocalOutbox out) {
        Path marker = store.markerFile(j.session, j.id);
        try {
            if (!j.claimed && !claims.claim(j)) {
                j.startedElsewhere = true;
                j.timers.add(timer.schedule(() -> recheck(j), RECHECK_MS, TimeUnit.MILLISECONDS));
                return false;
            }
            j.claimed = true;
            JobSupervisor.Started started = launcher.start(j.template, j.index, marker);
            j.dispatched = Instant.now();
            j.state = JobState.RUNNING;
            j.subState = null;
            if (started.refused()) {
                startedElsewhere(j, out);
                return j.isActive();
            }
            j.pid = started.pid();
            out.data(j.id, PID, Long.toString(j.pid));
            ProcessHandle.of(j.pid).flatMap(h -> h.info().startInstant()).ifPresent(s -> {
                j.pidStart = s.toEpochMilli();
                out.data(j.id, PID_START, Long.toString(j.pidStart));
            });
            claims.writePidFile(j);
            started.end().thenAcceptAsync(e -> exited(j, e), this::onTimerThread);
            armTimers(j);
            out.info(j);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("job {} could not start", j.id, e);
            j.state = JobState.FAILED;
            j.subState = "START_FAILED";
            j.annotation = "could not start: " + e.getMessage();
            j.finished = Instant.now();
            j.cancelTimers();
            out.info(j);
            return false;
        }
    }

    /**
     * The job's end: from the supervisor that started it ({@code end} says whether it recorded it),
     * or (null) from watching a process another one started. Reads the marker.
     */
    private void exited(LocalJob j, JobSupervisor.End end) {
        try {
            readExit(j, end);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the end of job {}", j.id, e);
        }
    }

    private void readExit(LocalJob j, JobSupervisor.End end) {
        if (closed) return;
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        synchronized (this) {
            if (j.isTerminal()) return;
            Optional<CompletionMarker> m = marker(j);
            if (m.isPresent()) {
                finish(j, m.get(), end != null && end.recorded() ? Instant.now() : null, out);
            } else if (end != null && end.recorded()) {
                j.endWithoutMarker("the job supervisor could not write the job's record (see the log)", null);
                out.info(j);
            } else if (end != null) {
                supervisorDied(j, end.supervisorExit(), out);
            } else if (JobClaims.unreaped(j.pid)) {
                markerComing(j);
            } else {
                lost(j, out);
            }
        }
        out.send();
        dispatch();
    }

    /**
     * The supervisor found the job's {@code .started} file made by another process (of a manager
     * that died while starting it, see {@link ClaimTakeover}) and ran nothing: that process is the
     * job's; follow it.
     */
    private void startedElsewhere(LocalJob j, LocalOutbox out) {
        Optional<JobClaims.JobProcess> w = claims.readStarted(j);
        if (w.isEmpty()) {
            lost(j, out);
            return;
        }
        LOG.info("job {} was started by process {} of a manager that is gone; following that one", j.id, w.get().pid());
        j.pid = w.get().pid();
        j.pidStart = w.get().startMillis();
        claims.writePidFile(j);
        out.data(j.id, PID, Long.toString(j.pid));
        if (j.pidStart != null) out.data(j.id, PID_START, Long.toString(j.pidStart));
        watch(j, out);
    }

    /**
     * The supervisor died while the job ran (someone killed it): nothing can record the job's end
     * any more. The job is left running and followed by its pid; it ends LOST (its exit status
     * unknown) when its process does. The next job starts a new supervisor.
     */
    private void supervisorDied(LocalJob j, int status, LocalOutbox out) {
        Optional<ProcessHandle> h = JobClaims.alive(j.pid, j.pidStart);
        if (h.isEmpty()) {
            lost(j, out);
            return;
        }
        LOG.warn("the job supervisor ended (status {}) while job {} ran; following the job by its pid, its exit status will be unknown",
                status, j.id);
        h.get().onExit().thenRunAsync(() -> exited(j, null), this::onTimerThread);
    }

    private void finish(LocalJob j, CompletionMarker m, Instant observedEnd, LocalOutbox out) {
        j.endFromMarker(m, observedEnd);
        out.info(j);
    }

    private void lost(LocalJob j, LocalOutbox out) {
        j.endLost();
        out.info(j);
    }

    JobInfo suspend(LocalJob j) {
        synchronized (this) {
            require(j, JobState.RUNNING, "suspend");
            signal(j, Signals.SIGSTOP);
            j.state = JobState.SUSPENDED;
            j.subState = "SUSPENDED";
            return j.info(host, owner);
        }
    }

    JobInfo resume(LocalJob j) {
        synchronized (this) {
            require(j, JobState.SUSPENDED, "resume");
            signal(j, Signals.SIGCONT);
            j.state = JobState.RUNNING;
            j.subState = null;
            return j.info(host, owner);
        }
    }

    JobInfo hold(LocalJob j) {
        synchronized (this) {
            require(j, JobState.QUEUED, "hold");
            if (j.pid != 0 || j.startedElsewhere) throw new TryLaterException("job " + j.id + " is being started");
            j.state = JobState.QUEUED_HELD;
            return j.info(host, owner);
        }
    }

    JobInfo release(LocalJob j) {
        JobInfo i;
        synchronized (this) {
            require(j, JobState.QUEUED_HELD, "release");
            j.state = JobState.QUEUED;
            i = j.info(host, owner);
        }
        timer.execute(this::dispatch);
        return i;
    }

    /**
     * Ends a job: a queued one at once, a running one by SIGTERM to its group, then SIGKILL to the
     * group after the grace period.
     *
     * @return the final information of a job that never started; null when the exit will tell
     */
    JobInfo terminate(LocalJob j, String reason) {
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        JobInfo result = null;
        synchronized (this) {
            if (j.isTerminal()) return null;
            if (j.pid == 0 && j.startedElsewhere) attach(j, out); // it may have started since
            if (j.isTerminal()) {
                result = j.info(host, owner);
            } else if (j.pid == 0) {
                if (j.startedElsewhere) throw new TryLaterException("job " + j.id + " is being started by another process");
                try {
                    if (!j.claimed && !claims.claim(j)) throw new TryLaterException("job " + j.id + " is being started by another process");
                    j.claimed = true;
                } catch (IOException e) {
                    LOG.debug("cannot claim {}: {}", j.id, e.toString());
                }
                j.state = JobState.FAILED;
                j.subState = reason;
                j.finished = Instant.now();
                j.cancelTimers();
                result = j.info(host, owner);
            } else {
                j.endReason = reason;
                out.data(j.id, END_REASON, reason);
                signal(j, Signals.SIGTERM);
                signal(j, Signals.SIGCONT);
                j.timers.add(timer.schedule(() -> killRest(j), grace.toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        out.send();
        if (result != null) timer.execute(this::dispatch);
        return result;
    }

    private void killRest(LocalJob j) {
        synchronized (this) {
            if (j.isTerminal() || j.pid == 0) return;
            signal(j, Signals.SIGKILL);
        }
    }

    private static void require(LocalJob j, JobState state, String action) {
        if (j.state != state) throw new InvalidStateException("job " + j.id + " is " + j.state + "; " + action + " needs " + state);
    }

    /**
     * Signals the job's process group (the supervisor reports a job once its group exists); the
     * process alone where there is no such group (a job of an older version's wrapper that had not
     * made its group yet).
     */
    private void signal(LocalJob j, int sig) {
        if (!ProcessSignals.signalGroup(j.pid, sig)) ProcessSignals.signalProcess(j.pid, sig);
    }

    private void armTimers(LocalJob j) {
        j.cancelTimers();
        Instant now = Instant.now();
        if (j.state == JobState.QUEUED || j.state == JobState.QUEUED_HELD) {
            Instant start = j.template.getStartTime();
            if (start != null && start.isAfter(now)) {
                j.timers.add(timer.schedule(this::dispatch, Duration.between(now, start).toMillis() + 1, TimeUnit.MILLISECONDS));
            }
        }
        Instant deadline = j.template.getDeadlineTime();
        if (deadline != null) {
            j.timers.add(timer.schedule(() -> expire(j, DEADLINE_EXCEEDED), Math.max(0, Duration.between(now, deadline).toMillis()), TimeUnit.MILLISECONDS));
        }
        Long wall = j.template.getResourceLimits().get(ResourceLimit.WALLCLOCK_TIME);
        if (wall != null && j.dispatched != null) {
            long ms = Duration.between(now, j.dispatched.plusSeconds(wall)).toMillis();
            j.timers.add(timer.schedule(() -> expire(j, WALLCLOCK_EXCEEDED), Math.max(0, ms), TimeUnit.MILLISECONDS));
        }
    }

    private void expire(LocalJob j, String reason) {
        try {
            JobInfo i = terminate(j, reason);
            if (i != null) sink.publish(i);
        } catch (RuntimeException e) {
            LOG.warn("could not end job {} ({}): {}", j.id, reason, e.toString());
        }
    }

    /** Re-reads a job another process started or changed. */
    JobInfo refreshFromStore(JobRecord r) {
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        JobInfo result;
        synchronized (this) {
            LocalJob j = jobs.get(r.jobId());
            if (j != null && !j.startedElsewhere) return j.info(host, owner);
            Optional<JobRecord> stored = store.loadJob(r.sessionName(), r.jobId());
            if (stored.isEmpty()) return null;
            JobRecord s = stored.get();
            if (s.data(PID) == null && marker(r).isEmpty()) return s.info();
            LocalJob fresh = LocalJob.fromRecord(s, j != null ? j.seq : seq++);
            fresh.startedElsewhere = false;
            jobs.put(fresh.id, fresh);
            attach(fresh, out);
            result = fresh.info(host, owner);
        }
        out.send();
        return result;
    }

    void forget(String jobId) {
        synchronized (this) {
            LocalJob j = jobs.remove(jobId);
            if (j != null) j.cancelTimers();
        }
    }

    private Optional<CompletionMarker> marker(LocalJob j) {
        try {
            return CompletionMarker.read(store.markerFile(j.session, j.id));
        } catch (IOException e) {
            LOG.warn("cannot read the record of job {}: {}", j.id, e.toString());
            return Optional.empty();
        }
    }

    Optional<CompletionMarker> marker(JobRecord r) {
        try {
            return CompletionMarker.read(store.markerFile(r.sessionName(), r.jobId()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Lets every dispatch already queued run to its end first (the timer is one FIFO thread), so
     * that a job being started has its process id recorded and a job just submitted is started
     * before the process that submitted it exits; then stops the timers and lets the supervisor go
     * (it runs on until the jobs it started have ended and been recorded).
     */
    @Override
    public void close() {
        try {
            timer.submit(() -> { }).get(CLOSE_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("closing while jobs were being started: {}", e.toString());
        }
        closed = true;
        timer.shutdownNow();
        launcher.close();
    }
}
