// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.resources.ResourceRequest;

/**
 * The common resource model in LSF's terms. LSF counts slots (CPUs), not tasks: {@code -n} is
 * tasks × CPUs per task, and the per-host layout goes into the span section of {@code -R}:
 * <ul>
 *   <li>tasks per node known: {@code span[ptile=tasksPerNode×cpusPerTask]} (2 nodes × 32 tasks →
 *       {@code -n 64 -R span[ptile=32]}; 4 × 2 tasks × 16 threads → {@code -n 128 -R span[ptile=32]});</li>
 *   <li>one node: {@code span[hosts=1]} (1 task × 32 threads → {@code -n 32 -R span[hosts=1]});</li>
 *   <li>several nodes without tasks per node: the tasks spread evenly, {@code span[ptile=tasks/nodes×cpus]};</li>
 *   <li>several multi-threaded tasks on any nodes: {@code span[block=cpusPerTask]}, each task's CPUs on one host.</li>
 * </ul>
 * {@code maxSlots} makes {@code -n min,max}. Memory per node is reserved with
 * {@code rusage[mem=…]} (LSF reserves per host unless the site set RESOURCE_RESERVE_PER_TASK) and
 * limited with {@code -M} (memory per node × nodes); GPUs per node with {@code -gpu "num=N"};
 * wall-clock with {@code -W} in whole minutes, rounded up; queue {@code -q}; account {@code -P}.
 */
final class LsfResources {
    private LsfResources() {
    }

    /**
     * @param t the template
     * @param dialect the LSF release's conventions, for memory units
     * @return the bsub options, each flag and value its own argv entry
     * @throws InvalidArgumentException naming the field when the request cannot be expressed
     */
    static List<String> options(JobTemplate t, LsfDialect dialect) {
        ResourceRequest r = ResourceRequest.from(t);
        List<String> out = new ArrayList<>();
        int cpt = r.cpusPerTask() == null ? 1 : r.cpusPerTask();
        Long tasks = r.totalTasks();
        if (tasks == null && r.nodes() != null) tasks = (long) r.nodes() * (r.tasksPerNode() == null ? 1 : r.tasksPerNode());
        long minSlots = (tasks == null ? 1 : tasks) * cpt;
        if (tasks != null || cpt > 1 || t.getMaxSlots() != null) {
            out.add("-n");
            out.add(t.getMaxSlots() == null ? Long.toString(minSlots) : minSlots + "," + Math.max(minSlots, t.getMaxSlots() * cpt));
        }
        List<String> sections = new ArrayList<>();
        if (r.memoryPerNodeMb() != null) sections.add("rusage[mem=" + memory(r.memoryPerNodeMb(), dialect, "MB") + "]");
        String span = span(r, tasks, cpt);
        if (span != null) sections.add(span);
        if (!sections.isEmpty()) {
            out.add("-R");
            out.add(String.join(" ", sections));
        }
        if (r.memoryPerNodeMb() != null) {
            out.add("-M");
            out.add(memory(r.memoryPerNodeMb() * (r.nodes() == null ? 1 : r.nodes()), dialect, "KB"));
        }
        if (r.gpusPerNode() != null) {
            out.add("-gpu");
            out.add("num=" + r.gpusPerNode());
        }
        if (r.wallclock() != null) {
            out.add("-W");
            out.add(minutes(r.wallclock().toSeconds()));
        }
        if (r.queue() != null) {
            out.add("-q");
            out.add(r.queue());
        }
        if (r.account() != null) {
            out.add("-P");
            out.add(r.account());
        }
        return out;
    }

    private static String span(ResourceRequest r, Long tasks, int cpt) {
        if (r.tasksPerNode() != null) return "span[ptile=" + ((long) r.tasksPerNode() * cpt) + "]";
        if (r.nodes() != null) {
            if (r.nodes() == 1) return "span[hosts=1]";
            if (tasks % r.nodes() != 0) {
                throw new InvalidArgumentException("extensions[" + Extensions.NODES + "]", "LSF places a fixed number of slots per host: "
                        + tasks + " tasks cannot be spread evenly over " + r.nodes() + " nodes; set " + Extensions.TASKS_PER_NODE);
            }
            return "span[ptile=" + (tasks / r.nodes() * cpt) + "]";
        }
        if (cpt > 1) return tasks == null || tasks == 1 ? "span[hosts=1]" : "span[block=" + cpt + "]";
        return null;
    }

    /**
     * @param mb MiB
     * @param dialect the release's conventions
     * @param legacyDefault the unit LSF assumes for a plain number when LSF_UNIT_FOR_LIMITS is unset
     *     (KB for {@code -M}, MB for {@code rusage[mem=…]})
     * @return {@code 4096MB} where units are understood, else a plain number in the site's unit
     */
    static String memory(long mb, LsfDialect dialect, String legacyDefault) {
        if (dialect.unitSuffixes()) return mb + "MB";
        String unit = dialect.unitForLimits() != null ? dialect.unitForLimits() : legacyDefault;
        return switch (unit.toUpperCase(Locale.ROOT).replaceFirst("B$", "")) {
            case "K" -> Long.toString(mb * 1024);
            case "M" -> Long.toString(mb);
            case "G" -> Long.toString(ceil(mb, 1024));
            case "T" -> Long.toString(ceil(mb, 1024L * 1024));
            default -> throw new InvalidArgumentException(LsfProvider.UNIT_PROPERTY, "unknown unit '" + unit + "' (KB, MB, GB or TB)");
        };
    }

    /** @return LSF's {@code [hour:]minute} run limit, rounded up to a whole minute */
    static String minutes(long seconds) {
        long m = Math.max(1, ceil(seconds, 60));
        return m < 60 ? Long.toString(m) : (m / 60) + ":" + String.format("%02d", m % 60);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
