// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.util.MonotonicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the marker directories of one connection's sessions for the completion markers their
 * jobs' scripts write ({@link CompletionMarker#DRIVER_DATA_KEY} names a job's marker), and reports
 * each one as soon as it appears, so that waiters wake without asking the scheduler. One daemon
 * thread lists each directory that has a job to watch once per interval ({@code fast} while
 * someone waits, {@code slow} otherwise), through the store's file system: the local or network
 * file system, or the SFTP channel of an SSH store. Nothing is listed while no job is watched.
 *
 * <p>The scheduler stays the source of truth. A job the markers cover stays in the batched poll
 * until the scheduler reports its end ({@link #confirm}); then the scheduler's answer stands, with
 * the marker's signal in place of the shell's 128+N ({@link CompletionMarker#settle}). A job that
 * never starts, is cancelled, preempted or killed writes no marker and is found by the poll alone.
 * When the scheduler reports a job that ran to its end (DONE, or FAILED with an exit status of its
 * command) and its marker is not there, the nodes do not see the store's directories (every session
 * of a connection has its directory in one store): that is logged once, and no job of the connection
 * is covered any more (waiters make the poll fast again).
 */
final class MarkerWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarkerWatcher.class);
    private final SessionStore store;
    private final BiConsumer<String, CompletionMarker> found;
    private final IntSupplier waiters;
    private final Duration fast;
    private final Duration slow;
    private final MonotonicClock clock;
    /** Per session, the file names of markers not seen yet and their jobs. Guarded by this. */
    private final Map<String, Map<String, String>> pending = new HashMap<>();
    /** Every watched job's session and file name, until confirmed or forgotten. Guarded by this. */
    private final Map<String, String[]> watched = new HashMap<>();
    /** Markers seen, until the scheduler confirms the job's end. Guarded by this. */
    private final Map<String, CompletionMarker> seen = new HashMap<>();
    /** True once a job ended without its marker: the nodes do not see the store's directories. Guarded by this. */
    private boolean unseen;
    /** Jobs terminated through the API: their end is the poll's to find. Guarded by this. */
    private final Set<String> uncovered = new HashSet<>();
    /** Markers of confirmed or forgotten jobs, deleted by the watcher's thread. Guarded by this. */
    private final List<Path> toDelete = new ArrayList<>();
    private final Thread thread;
    private boolean nudged;
    private volatile boolean running = true;
    private volatile long listings;

    /**
     * @param name the thread's name
     * @param store the session store whose marker directories are listed
     * @param found told {@code (jobId, marker)} for each marker that appears, on the watcher's thread
     * @param waiters how many threads wait now
     * @param fast the listing interval while someone waits
     * @param slow the listing interval otherwise
     * @param clock the time source for the intervals
     */
    MarkerWatcher(String name, SessionStore store, BiConsumer<String, CompletionMarker> found, IntSupplier waiters,
                  Duration fast, Duration slow, MonotonicClock clock) {
        this.store = store;
        this.found = found;
        this.waiters = waiters;
        this.fast = fast;
        this.slow = slow;
        this.clock = clock;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Watches a job whose script writes a marker; others are ignored.
     *
     * @param r the job's record
     */
    synchronized void watch(JobRecord r) {
        String file = r.data(CompletionMarker.DRIVER_DATA_KEY);
        if (file == null || file.isEmpty() || watched.containsKey(r.jobId())) return;
        watched.put(r.jobId(), new String[] {r.sessionName(), file});
        if (unseen) return;
        pending.computeIfAbsent(r.sessionName(), k -> new HashMap<>()).put(file, r.jobId());
        notifyAll();
    }

    /**
     * @param jobId a job
     * @return true when its end will show as a marker: it writes one, the store is not known to be
     *     unseen by the nodes, and it was not terminated through the API
     */
    synchronized boolean covers(String jobId) {
        String[] w = watched.get(jobId);
        return w != null && !unseen && !uncovered.contains(jobId);
    }

    /**
     * @param jobIds jobs
     * @return true when {@link #covers} holds for each
     */
    synchronized boolean coversAll(Collection<String> jobIds) {
        for (String id : jobIds) if (!covers(id)) return false;
        return true;
    }

    /**
     * @param r a job's record
     * @return true while the scheduler has not confirmed the end of a job whose script writes a marker
     */
    synchronized boolean awaitsConfirmation(JobRecord r) {
        return watched.containsKey(r.jobId());
    }

    /**
     * @param jobId a job
     * @return true when it is watched, not confirmed yet and was not terminated through the API: an
     *     end the board holds for it is its marker's
     */
    synchronized boolean endAwaitsConfirmation(String jobId) {
        return watched.containsKey(jobId) && !uncovered.contains(jobId);
    }

    /** @param jobId a job being terminated through the API: its end is the poll's to find */
    synchronized void uncover(String jobId) {
        if (watched.containsKey(jobId)) uncovered.add(jobId);
    }

    /** Lists at once, and at the fast interval from now on while someone waits. */
    synchronized void nudge() {
        nudged = true;
        notifyAll();
    }

    /** @return how many directory listings were made so far */
    long listings() {
        return listings;
    }

    /**
     * The scheduler reports a watched job ended: its answer, settled with the marker (read now if
     * the listing has not seen it yet); the job is watched no more and its marker is deleted. A job
     * that ran to its end without a marker shows that the nodes do not see the session's directory.
     *
     * @param r the job's record
     * @param reported the scheduler's answer, terminal
     * @return the job's information
     */
    JobInfo confirm(JobRecord r, JobInfo reported) {
        String[] w;
        CompletionMarker m;
        boolean wasUncovered;
        boolean known;
        synchronized (this) {
            w = watched.remove(r.jobId());
            if (w == null) return reported;
            Map<String, String> p = pending.get(w[0]);
            if (p != null) {
                p.remove(w[1]);
                if (p.isEmpty()) pending.remove(w[0]);
            }
            m = seen.remove(r.jobId());
            wasUncovered = uncovered.remove(r.jobId());
            known = unseen;
        }
        Path file = store.markerDirectory(w[0]).resolve(w[1]);
        if (m == null && !known) m = read(file).orElse(null);
        if (m != null) {
            deleteLater(file);
            return m.settle(reported);
        }
        if (!wasUncovered && ranToItsEnd(reported)) unseen(w[0], r.jobId());
        return reported;
    }

    /** @param jobId a job no longer known; its marker, if any, goes */
    void forget(String jobId) {
        String[] w;
        synchronized (this) {
            w = watched.remove(jobId);
            if (w == null) return;
            Map<String, String> p = pending.get(w[0]);
            if (p != null) {
                p.remove(w[1]);
                if (p.isEmpty()) pending.remove(w[0]);
            }
            seen.remove(jobId);
            uncovered.remove(jobId);
        }
        deleteLater(store.markerDirectory(w[0]).resolve(w[1]));
    }

    private synchronized void deleteLater(Path file) {
        toDelete.add(file);
        notifyAll();
    }

    private static boolean ranToItsEnd(JobInfo i) {
        if (i.getJobState() == JobState.DONE) return true;
        Integer exit = i.getExitStatus();
        return i.getJobState() == JobState.FAILED && i.getTerminatingSignal() == null && exit != null && exit > 0 && exit < 128;
    }

    private void unseen(String session, String jobId) {
        synchronized (this) {
            if (unseen) return;
            unseen = true;
            pending.clear();
        }
        LOG.warn("job {} of session '{}' ended without a completion marker in {}: the nodes do not see the session store, "
                + "so waits follow the scheduler's poll", jobId, session, store.markerDirectory(session));
    }

    private static Optional<CompletionMarker> read(Path file) {
        try {
            return CompletionMarker.read(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot delete the marker {}: {}", file, e.toString());
        }
    }

    private void loop() {
        while (running) {
            Map<String, Map<String, String>> todo;
            List<Path> deletes;
            synchronized (this) {
                try {
                    while (running && pending.isEmpty() && toDelete.isEmpty()) wait();
                    if (!running) return;
                    if (!nudged) {
                        long interval = (waiters.getAsInt() > 0 ? fast : slow).toNanos();
                        clock.timedWait(this, interval);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                nudged = false;
                todo = new HashMap<>();
                pending.forEach((s, files) -> todo.put(s, new HashMap<>(files)));
                deletes = new ArrayList<>(toDelete);
                toDelete.clear();
            }
            deletes.forEach(MarkerWatcher::delete);
            for (Map.Entry<String, Map<String, String>> e : todo.entrySet()) {
                if (running) list(e.getKey(), e.getValue());
            }
        }
    }

    /** One listing of a session's marker directory; reports the markers of watched jobs found in it. */
    private void list(String session, Map<String, String> files) {
        Path dir = store.markerDirectory(session);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.exit")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (files.containsKey(name)) names.add(name);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot list {}: {}", dir, e.toString());
            return;
        } finally {
            listings++;
        }
        for (String name : names) {
            Optional<CompletionMarker> m = read(dir.resolve(name));
            if (m.isEmpty()) continue;
            String jobId = files.get(name);
            synchronized (this) {
                Map<String, String> p = pending.get(session);
                if (p == null || p.remove(name) == null) continue;
                if (p.isEmpty()) pending.remove(session);
                seen.put(jobId, m.get());
            }
            found.accept(jobId, m.get());
        }
    }

    /** Stops the thread. */
    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
    }
}
