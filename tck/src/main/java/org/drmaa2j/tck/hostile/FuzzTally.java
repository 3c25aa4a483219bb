// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.drmaa2j.InvalidArgumentException;

/**
 * The outcome of a fuzz run, safe to update from many threads: templates accepted and checked,
 * rejected per field, and every failure with its case index.
 */
public final class FuzzTally {
    private static final int KEPT_FAILURES = 50;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger verified = new AtomicInteger();
    private final Map<String, AtomicInteger> rejectedBy = new ConcurrentHashMap<>();
    private final AtomicInteger failureCount = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    /**
     * Runs one submission step and files its outcome: a result is an acceptance, an
     * {@link InvalidArgumentException} naming a field the case set is a rejection, anything else
     * is a failure.
     *
     * @param c the case
     * @param step builds and submits the template
     * @param <T> what the step returns
     * @return the step's result, or null when it was refused or failed
     */
    public <T> T submit(HostileCase c, Supplier<T> step) {
        T result;
        try {
            result = step.get();
        } catch (InvalidArgumentException e) {
            rejected(c, e);
            return null;
        } catch (RuntimeException e) {
            fail(c, "neither accepted nor refused with InvalidArgumentException: " + e);
            return null;
        }
        accepted.incrementAndGet();
        if (c.mustReject()) fail(c, "accepted a value that no driver may accept");
        return result;
    }

    private void rejected(HostileCase c, InvalidArgumentException e) {
        String field = e.getField();
        if (!c.setField(field)) {
            fail(c, "refused, but the exception names field '" + field + "', which the template did not set: " + e.getMessage());
            return;
        }
        rejectedBy.computeIfAbsent(HostileCase.group(field), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts an accepted job whose report matched. */
    public void verified() {
        verified.incrementAndGet();
    }

    /**
     * @param c the case
     * @param what what went wrong
     */
    public void fail(HostileCase c, String what) {
        failureCount.incrementAndGet();
        if (failures.size() < KEPT_FAILURES) failures.add("case " + c.index() + " (seed " + HostileTemplates.seed() + "): " + what);
    }

    /** @return templates accepted */
    public int accepted() {
        return accepted.get();
    }

    /** @return accepted templates whose job's report matched */
    public int verifiedCount() {
        return verified.get();
    }

    /** @return rejected templates by the field group named */
    public Map<String, Integer> rejected() {
        Map<String, Integer> m = new TreeMap<>();
        rejectedBy.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** @return templates rejected in total */
    public int rejectedTotal() {
        return rejected().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the number of failures */
    public int failureCount() {
        return failureCount.get();
    }

    /** @return the first failures, each with its case */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** @return one line with every count */
    public String summary() {
        return "accepted " + accepted() + " (verified inside the job " + verified.get() + "), rejected " + rejectedTotal()
                + " " + rejected() + ", failures " + failureCount();
    }
}
