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
 * and deadlines, and turns each wrapper's completion marker into the job's final state. State is
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
                    j.pid = o.wrapper().pid();
                    j.pidStart = o.wrapper().startMillis();
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

    /** A job with a known wrapper process: watch it while it runs, else read how it ended. Under the lock. */
    private void watch(LocalJob j, LocalOutbox out) {
        Optional<ProcessHandle> h = JobClaims.alive(j.pid, j.pidStart);
        if (h.isPresent()) {
            if (j.state != JobState.SUSPENDED) j.state = JobState.RUNNING;
            h.get().onExit().thenRunAsync(() -> exited(j));
            armTimers(j);
            out.info(j);
        } else {
            Optional<CompletionMarker> again = marker(j);
            if (again.isPresent()) finish(j, again.get(), null, out);
            else lost(j, out);
        }
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
            Process p = launcher.start(j.template, j.index, marker);
            j.process = p;
            j.pid = p.pid();
            j.dispatched = Instant.now();
            j.state = JobState.RUNNING;
            j.subState = null;
            out.data(j.id, PID, Long.toString(j.pid));
            p.toHandle().info().startInstant().ifPresent(s -> {
                j.pidStart = s.toEpochMilli();
                out.data(j.id, PID_START, Long.toString(j.pidStart));
            });
            claims.writePidFile(j);
            p.onExit().thenRunAsync(() -> exited(j));
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

    /** The wrapper (or an adopted process) ended: read its record. */
    private void exited(LocalJob j) {
        try {
            readExit(j);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the end of job {}", j.id, e);
        }
    }

    private void readExit(LocalJob j) {
        if (closed) return;
        LocalOutbox out = new LocalOutbox(sink, host, owner);
        synchronized (this) {
            if (j.isTerminal()) return;
            Optional<CompletionMarker> m = marker(j);
            Optional<JobClaims.Wrapper> other = m.isEmpty() && j.process != null
                    && j.process.exitValue() == JobClaims.ALREADY_STARTED ? claims.readStarted(j) : Optional.empty();
            if (m.isPresent()) finish(j, m.get(), j.process != null ? Instant.now() : null, out);
            else if (other.isPresent() && other.get().pid() != j.pid) adoptOtherWrapper(j, other.get(), out);
            else if (j.process != null) wrapperDied(j, out);
            else lost(j, out);
        }
        out.send();
        dispatch();
    }

    /**
     * The wrapper this process started found the job started by another one (of a process that died
     * while starting it, see {@link ClaimTakeover}) and ran nothing: that one is the job's.
     */
    private void adoptOtherWrapper(LocalJob j, JobClaims.Wrapper w, LocalOutbox out) {
        LOG.info("job {} was started by wrapper {} of a process that is gone; following that one", j.id, w.pid());
        j.process = null;
        j.pid = w.pid();
        j.pidStart = w.startMillis();
        claims.writePidFile(j);
        out.data(j.id, PID, Long.toString(j.pid));
        if (j.pidStart != null) out.data(j.id, PID_START, Long.toString(j.pidStart));
        watch(j, out);
    }

    private void finish(LocalJob j, CompletionMarker m, Instant observedEnd, LocalOutbox out) {
        j.endFromMarker(m, observedEnd);
        out.info(j);
    }

    private void wrapperDied(LocalJob j, LocalOutbox out) {
        j.endWithoutMarker(j.process.exitValue());
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
     * Ends a job: a queued one at once, a running one by SIGTERM to its group, then SIGKILL to what
     * is left after the grace period.
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
                j.timers.add(timer.schedule(() -> killRest(j, false), grace.toMillis(), TimeUnit.MILLISECONDS));
                j.timers.add(timer.schedule(() -> killRest(j, true), 2 * grace.toMillis() + 500, TimeUnit.MILLISECONDS));
            }
        }
        out.send();
        if (result != null) timer.execute(this::dispatch);
        return result;
    }

    private void killRest(LocalJob j, boolean wrapperToo) {
        synchronized (this) {
            if (j.isTerminal() || j.pid == 0) return;
            if (wrapperToo) {
                signal(j, Signals.SIGKILL);
                return;
            }
            for (long p : ProcessSignals.groupMembers(j.pid)) {
                if (p != j.pid) ProcessSignals.signalProcess(p, Signals.SIGKILL);
            }
        }
    }

    private static void require(LocalJob j, JobState state, String action) {
        if (j.state != state) throw new InvalidStateException("job " + j.id + " is " + j.state + "; " + action + " needs " + state);
    }

    /**
     * Signals the job's process group. Right after the start the wrapper may not have made its group
     * yet: then the wrapper itself is signalled, and the group once more in case it appeared meanwhile.
     */
    private void signal(LocalJob j, int sig) {
        if (!ProcessSignals.signalGroup(j.pid, sig)) {
            ProcessSignals.signalProcess(j.pid, sig);
            ProcessSignals.signalGroup(j.pid, sig);
        }
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
     * before the process that submitted it exits; then stops the timers.
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
    }
}
