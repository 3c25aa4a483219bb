// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.drmaa2j.drmaa1.DrmaaConstants.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.drmaa2j.SessionManagementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one DRMAA 1.0 session of this process ({@code drmaa_init} may be called once): shared by
 * every backend, and so by every drmaa2j job session and session manager of the driver. It is
 * opened by the first backend and ended ({@code drmaa_exit}) when the JVM shuts down, so that the
 * jobs it submitted can be reaped whatever sessions come and go in between.
 *
 * <p>A daemon thread, the reaper, asks {@code drmaa_wait(DRMAA_JOB_IDS_SESSION_ANY,
 * DRMAA_TIMEOUT_NO_WAIT)} every {@value #POLL_MILLIS} ms (at once again after a reap), so no thread
 * ever blocks in native code: because {@code drmaa_wait} REAPS a job, its result is cached here
 * and handed to every listener (the backends) at once. When the session has no job to wait for
 * the reaper sleeps until the next submission. (A blocking {@code drmaa_wait} with a 1 s time-out
 * was measured to slow concurrent {@code drmaa_run_job} calls in Grid Engine's library, which
 * serialises its calls.)
 */
final class NativeSession {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSession.class);
    static final long POLL_MILLIS = 200;
    private static NativeSession instance;

    private final Drmaa drmaa;
    private final String contact;
    private final String drmSystem;
    private final List<String> attributeNames;
    private final Map<String, WaitResult> reaped = new ConcurrentHashMap<>();
    private final Set<String> submittedHere = ConcurrentHashMap.newKeySet();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<WaitResult>> listeners = new CopyOnWriteArrayList<>();
    private final Object idle = new Object();
    private final Thread reaper;
    private volatile boolean running = true;
    private boolean submittedSinceIdle;

    private NativeSession(Drmaa drmaa, String contact) {
        this.drmaa = drmaa;
        this.contact = contact;
        // asked once, on the thread that called drmaa_init: Grid Engine answers
        // drmaa_get_DRM_system differently on other threads (only the version number)
        this.drmSystem = drmaa.drmSystem();
        List<String> names = new ArrayList<>(drmaa.attributeNames());
        names.addAll(drmaa.vectorAttributeNames());
        this.attributeNames = List.copyOf(names);
        reaper = new Thread(this::reapLoop, "drmaa2j-drmaa-native-reaper");
        reaper.setDaemon(true);
    }

    /**
     * @param library loads the library (called only by the first caller)
     * @param contact the contact for {@code drmaa_init}, null or empty for the default
     * @return the process's session, opened on first use
     * @throws SessionManagementException if it was opened with another contact
     */
    static synchronized NativeSession acquire(Supplier<DrmaaLibrary> library, String contact) {
        String c = contact == null || contact.isBlank() ? null : contact.strip();
        if (instance != null) {
            if (!Objects.equals(instance.contact, c)) {
                throw new SessionManagementException("DRMAA 1.0 allows one session per process, and this process's session was opened"
                        + " with contact " + describe(instance.contact) + ", not " + describe(c));
            }
            return instance;
        }
        Drmaa d = new Drmaa(library.get());
        d.init(c);
        NativeSession s = new NativeSession(d, c);
        s.reaper.start();
        Runtime.getRuntime().addShutdownHook(new Thread(s::shutdown, "drmaa2j-drmaa-native-exit"));
        instance = s;
        LOG.debug("drmaa_init({}) done: {}", c, s.drmSystem);
        return s;
    }

    private static String describe(String contact) {
        return contact == null ? "(default)" : "'" + contact + "'";
    }

    Drmaa drmaa() {
        return drmaa;
    }

    String contact() {
        return contact;
    }

    /** @return what drmaa_get_DRM_system said right after drmaa_init */
    String drmSystem() {
        return drmSystem;
    }

    /** @return the library's scalar and vector attribute names */
    List<String> attributeNames() {
        return attributeNames;
    }

    void addListener(Consumer<WaitResult> l) {
        listeners.add(l);
    }

    void removeListener(Consumer<WaitResult> l) {
        listeners.remove(l);
    }

    /** @param jobIds jobs this process just submitted: the reaper wakes up */
    void submitted(Iterable<String> jobIds) {
        for (String id : jobIds) submittedHere.add(id);
        synchronized (idle) {
            submittedSinceIdle = true;
            idle.notifyAll();
        }
    }

    /** @return true when this process's session submitted the job (so drmaa_wait can reap it) */
    boolean isOwn(String jobId) {
        return submittedHere.contains(jobId);
    }

    /** @return the cached result of a job drmaa_wait already reaped, or null */
    WaitResult reaped(String jobId) {
        return reaped.get(jobId);
    }

    /**
     * Reaps one job now if it has ended, without waiting.
     *
     * @return its result (cached), or null when it has not ended or was not found
     */
    WaitResult reapNow(String jobId) {
        WaitResult r = reaped.get(jobId);
        if (r != null) return r;
        Drmaa.WaitOutcome o = drmaa.waitFor(jobId, TIMEOUT_NO_WAIT);
        if (o.result() != null) {
            record(o.result());
            return o.result();
        }
        return reaped.get(jobId);
    }

    /** @param jobId a job no session needs any more */
    void forget(String jobId) {
        if (reaped.remove(jobId) == null && submittedHere.contains(jobId)) forgotten.add(jobId);
        submittedHere.remove(jobId);
    }

    private void record(WaitResult r) {
        String id = r.jobId();
        if (forgotten.remove(id)) return;
        reaped.put(id, r);
        for (Consumer<WaitResult> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                LOG.warn("publishing the end of job {} failed: {}", id, e.toString());
            }
        }
    }

    private void reapLoop() {
        while (running) {
            Drmaa.WaitOutcome o;
            try {
                o = drmaa.waitFor(JOB_IDS_SESSION_ANY, TIMEOUT_NO_WAIT);
            } catch (RuntimeException e) {
                LOG.warn("drmaa_wait failed: {}", e.toString());
                pause(1000);
                continue;
            }
            if (o.result() != null) {
                record(o.result());
            } else if (o.errno() == ERRNO_INVALID_JOB) {
                idle();
            } else if (o.errno() == ERRNO_NO_ACTIVE_SESSION) {
                return;
            } else if (o.timedOut()) {
                pause(POLL_MILLIS);
            } else {
                LOG.warn("{}", o.error());
                pause(1000);
            }
        }
    }

    /** Nothing to wait for: sleep until a submission (or 5 s, in case jobs came from elsewhere). */
    private void idle() {
        synchronized (idle) {
            if (!submittedSinceIdle) {
                try {
                    idle.wait(5000);
                } catch (InterruptedException e) {
                    running = false;
                    return;
                }
            }
            submittedSinceIdle = false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdown() {
        running = false;
        synchronized (idle) {
            idle.notifyAll();
        }
        try {
            drmaa.exit();
        } catch (RuntimeException e) {
            LOG.debug("drmaa_exit: {}", e.toString());
        }
    }
}
