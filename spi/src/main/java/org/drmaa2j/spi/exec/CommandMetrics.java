// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the scheduler commands this process ran, per program, with their total run time: how
 * benchmarks and tests show that status costs one command per tick, not one per job.
 */
public final class CommandMetrics {
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();
    private static final LongAdder STATUS_TICKS = new LongAdder();

    private CommandMetrics() {
    }

    static void record(Command command, long nanos) {
        String program = schedulerProgram(command);
        COUNTS.computeIfAbsent(program, k -> new LongAdder()).increment();
        NANOS.computeIfAbsent(program, k -> new LongAdder()).add(nanos);
    }

    /** @return commands run so far per program ({@code env VAR=… prog} counts as {@code prog}) */
    public static Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** @return total milliseconds spent per program */
    public static Map<String, Double> millis() {
        Map<String, Double> out = new TreeMap<>();
        NANOS.forEach((k, v) -> out.put(k, v.sum() / 1e6));
        return out;
    }

    /** Counts one batched status query (one poller tick that asked about at least one job). */
    public static void recordStatusTick() {
        STATUS_TICKS.increment();
    }

    /** @return batched status queries so far */
    public static long statusTicks() {
        return STATUS_TICKS.sum();
    }

    /** Forgets all counts. */
    public static void reset() {
        COUNTS.clear();
        NANOS.clear();
        STATUS_TICKS.reset();
    }

    private static String schedulerProgram(Command c) {
        int i = 0;
        if (c.argv().get(0).equals("env") || c.argv().get(0).endsWith("/env")) {
            i = 1;
            while (i < c.argv().size() - 1 && c.argv().get(i).contains("=")) i++;
        }
        String p = c.argv().get(i);
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
