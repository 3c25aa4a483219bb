// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.nio.file.FileSystems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.drmaa2j.Capability;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BackendFactory;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.StateSink;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.spi.util.MonotonicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backend with its board, poller and the records of every job this manager knows through it.
 * It is the backend's {@link StateSink}: pushed and polled information is persisted, then put on
 * the board (waking waiters), then reported to the event callback.
 */
final class Connection implements StateSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** While someone waits, at most one status call per second per connection, whatever the number of waiters. */
    static final Duration DEFAULT_FAST = Duration.ofSeconds(1);
    /** Marker directory listing interval in milliseconds while someone waits (default 20 on this machine's file systems, 50 over SFTP). */
    static final String MARKER_FAST_MS = "drmaa2j.markers.fastMillis";
    /** Marker directory listing interval in milliseconds when nobody waits (default 1000). */
    static final String MARKER_SLOW_MS = "drmaa2j.markers.slowMillis";
    private static final Duration LOCAL_MARKER_FAST = Duration.ofMillis(20);
    private static final Duration REMOTE_MARKER_FAST = Duration.ofMillis(50);
    /**
     * {@link #confirmed} waits at most this many fast poll intervals (and at least one slow one) for
     * the scheduler to confirm an end: it comes with the first or second poll on an idle machine
     * (OpenPBS ends a job about 2 s after its script).
     */
    static final int CONFIRM_CAP_FAST_INTERVALS = 10;
    private final DriverBackend backend;
    private final SessionStore store;
    private final StateBoard board = new StateBoard();
    private final Map<String, JobRecord> records = new ConcurrentHashMap<>();
    private final Map<String, JobInfo> early = new HashMap<>();
    private final Map<String, Map<String, String>> earlyData = new HashMap<>();
    private final BatchedPoller poller;
    private final Duration fast;
    /** How long {@link #confirmed} waits at most for the scheduler to confirm an end a marker told. */
    private final Duration confirmCap;
    private boolean closed;
    /** True while a stored job is put on the board (under this object's lock): callbacks stay quiet. */
    private boolean restoring;
    private final Object refreshLock = new Object();
    private final Map<String, Long> checked = new ConcurrentHashMap<>();
    private final MarkerWatcher markers;
    /** Threads waiting for a job to start: markers tell only ends, so these need the poll. */
    private final AtomicInteger startWaits = new AtomicInteger();

    Connection(BackendFactory factory, String contact, SessionStore store, DriverSettings settings,
               BiConsumer<JobRecord, JobInfo> stateChanged) {
        this(factory, contact, store, settings, stateChanged, MonotonicClock.SYSTEM);
    }

    /**
     * @param pollClock the time source of the poller's intervals and of {@link #confirmed}'s cap
     *        ({@link MonotonicClock#SYSTEM} but in tests)
     */
    Connection(BackendFactory factory, String contact, SessionStore store, DriverSettings settings,
               BiConsumer<JobRecord, JobInfo> stateChanged, MonotonicClock pollClock) {
        this.store = store;
        this.backend = Objects.requireNonNull(factory.open(new BackendContext(contact, this, store, settings)), "backend");
        this.fast = settings.millis(DriverSettings.POLL_FAST_MS,
                Objects.requireNonNullElse(backend.fastPollInterval(), DEFAULT_FAST));
        Duration slow = settings.millis(DriverSettings.POLL_SLOW_MS,
                Objects.requireNonNullElse(backend.slowPollInterval(), Duration.ofSeconds(10)));
        Duration tenFast = fast.multipliedBy(CONFIRM_CAP_FAST_INTERVALS);
        this.confirmCap = tenFast.compareTo(slow) >= 0 ? tenFast : slow;
        board.addListener((old, now) -> {
            if (restoring && old == null) return; // a job of a reopened session: no news
            if (old == null || old.getJobState() != now.getJobState()) {
                JobRecord r = records.get(now.getJobId());
                if (r != null) stateChanged.accept(r, now);
            }
        });
        markers = new MarkerWatcher("drmaa2j-" + settings.driverName() + "-markers", store, this::markerFound, board::waiters,
                settings.millis(MARKER_FAST_MS, store.root().getFileSystem() == FileSystems.getDefault() ? LOCAL_MARKER_FAST : REMOTE_MARKER_FAST),
                settings.millis(MARKER_SLOW_MS, Duration.ofSeconds(1)), MonotonicClock.SYSTEM);
        board.addWaiterListener(markers::nudge);
        poller = new BatchedPoller("drmaa2j-" + settings.driverName() + "-poller", this::liveRecords, backend::status,
                this::publishPolled, this::pollWaiters, fast, slow, pollClock);
        if (!backend.pushesStateChanges()) board.addWaiterListener(() -> {
            if (pollWaiters() > 0) poller.kick();
        });
    }

    DriverBackend backend() {
        return backend;
    }

    StateBoard board() {
        return board;
    }

    MarkerWatcher markers() {
        return markers;
    }

    BatchedPoller poller() {
        return poller;
    }

    void requireCapability(Capability c, String operation) {
        if (!backend.capabilities().contains(c)) {
            throw new OperationUnsupportedException(operation + " is not supported by the " + backend.drmsName()
                    + " driver (capability " + c + ")");
        }
    }

    /**
     * Registers the jobs a recorded submission intent became: records them under the intent's tag
     * in one journal write, then puts them on the board as new jobs.
     */
    synchronized void registerSubmitted(String tag, List<JobRecord> recs) {
        store.recordSubmitted(tag, recs);
        for (JobRecord r : recs) put(r, false);
    }

    private void put(JobRecord rec, boolean restored) {
        records.put(rec.jobId(), rec);
        markers.watch(rec);
        restoring = restored;
        try {
            board.put(rec.info());
        } finally {
            restoring = false;
        }
        Map<String, String> pendingData = earlyData.remove(rec.jobId());
        if (pendingData != null) updateDriverData(rec.jobId(), pendingData);
        JobInfo pending = early.remove(rec.jobId());
        if (pending != null) publish(pending);
    }

    /**
     * Takes over the stored jobs of a session reopened by this process: registers them, lets the
     * backend {@link DriverBackend#adopt adopt} them, then asks the scheduler once, in one batched
     * status call, about those the store still holds as live, so that a job that ended while no
     * process had the session open shows its end at the first read. When the scheduler cannot be
     * asked now, the stored information is marked stale and the first read asks again.
     *
     * @param stored the session's stored jobs
     */
    void adopt(List<JobRecord> stored) {
        List<JobRecord> fresh = new ArrayList<>();
        synchronized (this) {
            for (JobRecord r : stored) {
                if (records.get(r.jobId()) == null) {
                    put(r, true);
                    fresh.add(r);
                }
            }
        }
        if (fresh.isEmpty()) return;
        backend.adopt(fresh);
        if (backend.pushesStateChanges()) return;
        List<String> live = new ArrayList<>();
        for (JobRecord r : fresh) {
            JobInfo i = board.get(r.jobId());
            if (i == null || i.getJobState() == null || !i.getJobState().isTerminal()) live.add(r.jobId());
        }
        if (live.isEmpty()) return;
        try {
            synchronized (refreshLock) {
                long now = System.nanoTime();
                for (JobRecord asked : poller.tick()) checked.put(asked.jobId(), now);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot ask {} about {} adopted job(s) now ({}); the first read asks again",
                    backend.drmsName(), live.size(), e.toString());
            live.forEach(board::expire);
        }
    }

    JobRecord record(String jobId) {
        return records.get(jobId);
    }

    void forget(String jobId) {
        checked.remove(jobId);
        markers.forget(jobId);
        JobRecord r = records.remove(jobId);
        board.remove(jobId);
        if (r != null) backend.forget(r);
    }

    /**
     * @return the job's current information; when the board may be stale (a backend that does not
     *         push, no news for longer than the fast poll interval) the poller ticks first, on this
     *         thread: one batched status call that refreshes every live job of the connection
     */
    JobInfo current(String jobId) {
        JobRecord r = records.get(jobId);
        if (r != null && isStale(jobId)) {
            synchronized (refreshLock) {
                if (isStale(jobId)) {
                    long now = System.nanoTime();
                    for (JobRecord asked : poller.tick()) checked.put(asked.jobId(), now);
                }
            }
        }
        JobInfo i = board.get(jobId);
        return i != null ? i : r != null ? r.info() : null;
    }

    /**
     * The job's information as the scheduler gives it ({@code getJobInfo}): for a job whose end a
     * completion marker told and the scheduler has not confirmed yet, this waits for the poll's
     * confirmation ({@link BatchedPoller#kick kicks} the poller, which asks at most once per fast
     * interval, the status call that confirms the end anyway), so that the answer holds the
     * scheduler's start, slots, machines, queue and state word, and the scheduler's end, as without
     * markers. The wait ends after {@link #CONFIRM_CAP_FAST_INTERVALS} fast intervals at most (the
     * scheduler does not answer, or no longer knows the job); the marker's end is returned then.
     * Every other job's is {@link #current}.
     *
     * @param jobId a job
     * @param checkOpen run before every check; throws to end the wait (a closed session)
     * @return its information, or null when it is not known
     */
    JobInfo confirmed(String jobId, Runnable checkOpen) {
        JobInfo i = current(jobId);
        if (!endAwaitsConfirmation(jobId)) return i;
        MonotonicClock clock = poller.clock();
        long deadline = clock.nanoTime() + confirmCap.toNanos();
        try {
            while (true) {
                checkOpen.run();
                long seen = poller.ticksEnded();
                if (!endAwaitsConfirmation(jobId)) break;
                poller.kick();
                if (!poller.awaitTickAfter(seen, deadline)) {
                    LOG.debug("{} did not confirm the end of job {} within {}; its completion marker's end stands",
                            backend.drmsName(), jobId, confirmCap);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.drmaa2j.InternalException("interrupted while waiting for the scheduler to confirm the end of job " + jobId, e);
        }
        JobInfo now = board.get(jobId);
        return now != null ? now : i;
    }

    /**
     * @param jobId a job
     * @return true when the board holds an end its completion marker told and the scheduler has not
     *         confirmed yet
     */
    private boolean endAwaitsConfirmation(String jobId) {
        JobRecord r = records.get(jobId);
        if (r == null || backend.pushesStateChanges() || !markers.endAwaitsConfirmation(jobId)) return false;
        JobInfo i = board.get(jobId);
        return i != null && isTerminal(i);
    }

    private boolean isStale(String jobId) {
        if (backend.pushesStateChanges() || board.ageNanos(jobId) <= fast.toNanos()) return false;
        Long asked = checked.get(jobId);
        if (asked != null && System.nanoTime() - asked <= fast.toNanos()) return false;
        JobInfo i = board.get(jobId);
        return i == null || i.getJobState() == null || !i.getJobState().isTerminal();
    }

    List<JobRecord> liveRecords() {
        List<JobRecord> live = new ArrayList<>();
        for (JobRecord r : records.values()) {
            JobInfo i = board.get(r.jobId());
            JobState s = i == null ? null : i.getJobState();
            if (s == null || !s.isTerminal() || markers.awaitsConfirmation(r)) live.add(r);
        }
        return live;
    }

    /**
     * How many waiters need the poll: none while every live job's end will show as a completion
     * marker ({@link MarkerWatcher#covers}) and nobody waits for a job to start, so that waiting
     * adds no scheduler command; else every waiter.
     */
    private int pollWaiters() {
        int n = board.waiters();
        if (n == 0 || startWaits.get() > 0) return n;
        for (JobRecord r : records.values()) {
            JobInfo i = board.get(r.jobId());
            if ((i == null || i.getJobState() == null || !i.getJobState().isTerminal()) && !markers.covers(r.jobId())) return n;
        }
        return 0;
    }

    /**
     * Waits on the board for jobs of this connection. A wait for jobs to end whose ends will all
     * show as completion markers asks the scheduler nothing: the marker wakes it. Any other wait
     * first refreshes stale information ({@link #current}) and makes the poll fast while it lasts.
     *
     * @param jobIds the jobs awaited
     * @param started true to wait for a start, false for an end
     * @param test the board test ({@link StateBoard#await})
     * @param timeout as for {@link StateBoard#await}
     * @param checkOpen as for {@link StateBoard#await}
     * @param what as for {@link StateBoard#await}
     * @param <T> the result type
     * @return the test's first non-null result
     */
    <T> T await(Collection<String> jobIds, boolean started, Supplier<T> test, Duration timeout, Runnable checkOpen, String what) {
        if (!started && markers.coversAll(jobIds)) return board.await(jobIds, test, timeout, checkOpen, what);
        for (String id : jobIds) current(id);
        if (!started) return board.await(jobIds, test, timeout, checkOpen, what);
        startWaits.incrementAndGet();
        try {
            return board.await(jobIds, test, timeout, checkOpen, what);
        } finally {
            startWaits.decrementAndGet();
        }
    }

    /** @param jobId a job about to be terminated through the API: its end is the poll's to find */
    void terminating(String jobId) {
        markers.uncover(jobId);
    }

    /** A job's completion marker appeared: the job ended as it says, until the scheduler confirms. */
    private synchronized void markerFound(String jobId, CompletionMarker m) {
        JobInfo known = board.get(jobId);
        if (known == null || isTerminal(known)) return;
        publish(m.endOf(known));
    }

    @Override
    public synchronized void publish(JobInfo info) {
        if (admit(info)) board.put(info);
    }

    /**
     * Persists what changed and says whether the information goes on the board; news for a job not
     * registered yet is kept until it is.
     */
    private boolean admit(JobInfo info) {
        if (closed) return false;
        String id = info.getJobId();
        JobRecord r = records.get(id);
        if (r == null) {
            early.merge(id, info, (old, now) -> isTerminal(old) && !isTerminal(now) ? old : now);
            return false;
        }
        JobInfo old = board.get(id);
        if (old != null && isTerminal(old) && !isTerminal(info)) return false;
        if (significant(r.info(), info)) {
            JobRecord updated = r.withInfo(info);
            records.put(id, updated);
            try {
                store.saveJob(updated);
            } catch (RuntimeException e) {
                LOG.warn("cannot persist job {}: {}", id, e.toString());
            }
        }
        return true;
    }

    /**
     * A poll's answers, put on the board together (waiters wake once); each is dropped when newer news
     * (a push, a control result, a marker) reached the board meanwhile, but for the scheduler's
     * report of the end of a job awaiting its confirmation: the scheduler's end wins over a marker's.
     */
    private synchronized void publishPolled(Collection<JobInfo> answers, long asOf) {
        List<JobInfo> batch = new ArrayList<>(answers.size());
        List<String> confirmed = new ArrayList<>();
        for (JobInfo info : answers) {
            JobRecord r = records.get(info.getJobId());
            boolean confirms = r != null && isTerminal(info) && markers.awaitsConfirmation(r);
            long updated = board.updatedAt(info.getJobId());
            if (!confirms && updated != Long.MIN_VALUE && updated - asOf > 0) continue;
            if (confirms) {
                info = markers.confirm(r, info);
                confirmed.add(r.jobId());
            }
            if (admit(info)) batch.add(info);
        }
        board.putAll(batch);
        Map<String, String> noMarker = new HashMap<>();
        noMarker.put(CompletionMarker.DRIVER_DATA_KEY, null);
        for (String id : confirmed) updateDriverData(id, noMarker);
    }

    @Override
    public void updateDriverData(String jobId, Map<String, String> values) {
        synchronized (this) {
            if (closed) return;
            JobRecord r = records.get(jobId);
            if (r == null) {
                earlyData.computeIfAbsent(jobId, k -> new HashMap<>()).putAll(values);
                return;
            }
            JobRecord updated = r.withDriverData(values);
            records.put(jobId, updated);
            try {
                store.saveJob(updated);
            } catch (RuntimeException e) {
                LOG.warn("cannot persist job {}: {}", jobId, e.toString());
            }
        }
    }

    private static boolean isTerminal(JobInfo i) {
        return i.getJobState() != null && i.getJobState().isTerminal();
    }

    private static boolean significant(JobInfo a, JobInfo b) {
        return a.getJobState() != b.getJobState() || !Objects.equals(a.getJobSubState(), b.getJobSubState())
                || !Objects.equals(a.getExitStatus(), b.getExitStatus())
                || !Objects.equals(a.getTerminatingSignal(), b.getTerminatingSignal())
                || !Objects.equals(a.getDispatchTime(), b.getDispatchTime())
                || !Objects.equals(a.getFinishTime(), b.getFinishTime())
                || !Objects.equals(a.getAllocatedMachines(), b.getAllocatedMachines());
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        poller.close();
        markers.close();
        board.wakeAll();
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the {} backend failed: {}", backend.drmsName(), e.toString());
        }
    }
}
