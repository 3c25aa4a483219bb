// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The driver's EMULATION of {@code maxParallel} for bulk jobs: Flux has no limit on how many of a
 * job's tasks run at once, so the driver submits every task held (urgency 0, in the one
 * submission of the bulk job) and releases them in index order, at most {@code maxParallel}
 * at a time, releasing the next one each time a released task ends. Tasks waiting for their turn
 * are reported as QUEUED, not QUEUED_HELD: the user did not hold them. A task the user holds is
 * skipped until the user releases it.
 *
 * <p>The emulation lives in the process that has the job session open: if no process has it open,
 * waiting tasks stay held until one reopens the session (the backend re-registers them from their
 * stored records).
 */
final class FluxBulkThrottle {
    /** Driver-data key: the array's maxParallel, on each task of a throttled array. */
    static final String MAX_KEY = "flux.maxParallel";
    /** Driver-data key: {@code waiting} until the driver released the task, then {@code released}. */
    static final String STATE_KEY = "flux.throttle";

    private final Consumer<String> release;
    private final Map<String, Group> byTask = new HashMap<>();

    /** @param release releases one held task in Flux (and records it); called outside no lock but this one */
    FluxBulkThrottle(Consumer<String> release) {
        this.release = release;
    }

    private static final class Group {
        final long maxParallel;
        final Deque<String> waiting = new ArrayDeque<>();
        final Set<String> running = new HashSet<>();
        final Set<String> userHeld = new HashSet<>();

        Group(long maxParallel) {
            this.maxParallel = maxParallel;
        }
    }

    /**
     * Takes over a bulk job's tasks and releases the first ones.
     *
     * @param taskIds the tasks in index order, all submitted held
     * @param alreadyReleased tasks released earlier (by another process)
     * @param userHeld tasks the user holds (submitted as hold)
     * @param maxParallel the limit
     */
    void register(List<String> taskIds, Set<String> alreadyReleased, Set<String> userHeld, long maxParallel) {
        List<String> now;
        synchronized (this) {
            Group g = new Group(maxParallel);
            for (String id : taskIds) {
                byTask.put(id, g);
                if (alreadyReleased.contains(id)) g.running.add(id);
                else g.waiting.addLast(id);
            }
            g.userHeld.addAll(userHeld);
            now = fill(g);
        }
        now.forEach(release);
    }

    /** @param jobId a task that ended (or was cancelled): its slot goes to the next waiting task */
    void ended(String jobId) {
        List<String> now;
        synchronized (this) {
            Group g = byTask.remove(jobId);
            if (g == null) return;
            g.running.remove(jobId);
            g.waiting.remove(jobId);
            g.userHeld.remove(jobId);
            now = fill(g);
        }
        now.forEach(release);
    }

    /**
     * @param jobId a task
     * @return true while the driver still holds it back for maxParallel (and the user does not hold it)
     */
    synchronized boolean isWaitingForTurn(String jobId) {
        Group g = byTask.get(jobId);
        return g != null && g.waiting.contains(jobId) && !g.userHeld.contains(jobId);
    }

    /**
     * @param jobId a task
     * @return true when the throttle has not released it yet
     */
    synchronized boolean isWaiting(String jobId) {
        Group g = byTask.get(jobId);
        return g != null && g.waiting.contains(jobId);
    }

    /**
     * The user holds a task. A waiting task is simply skipped from now on.
     *
     * @param jobId the task
     * @return true when the throttle handled it (the task was still waiting: Flux already holds it)
     */
    synchronized boolean userHold(String jobId) {
        Group g = byTask.get(jobId);
        if (g == null || !g.waiting.contains(jobId)) return false;
        g.userHeld.add(jobId);
        return true;
    }

    /**
     * The user releases a task. A waiting task becomes eligible for its turn again.
     *
     * @param jobId the task
     * @return true when the throttle handled it (it decides when Flux releases the task)
     */
    boolean userRelease(String jobId) {
        List<String> now;
        synchronized (this) {
            Group g = byTask.get(jobId);
            if (g == null || !g.waiting.contains(jobId)) return false;
            g.userHeld.remove(jobId);
            now = fill(g);
        }
        now.forEach(release);
        return true;
    }

    /** @param jobId a task that is forgotten (reaped) */
    synchronized void forget(String jobId) {
        Group g = byTask.remove(jobId);
        if (g != null) {
            g.waiting.remove(jobId);
            g.running.remove(jobId);
            g.userHeld.remove(jobId);
        }
    }

    private static List<String> fill(Group g) {
        List<String> out = new ArrayList<>();
        for (java.util.Iterator<String> it = g.waiting.iterator(); it.hasNext() && g.running.size() < g.maxParallel; ) {
            String id = it.next();
            if (g.userHeld.contains(id)) continue;
            it.remove();
            g.running.add(id);
            out.add(id);
        }
        return out;
    }
}
