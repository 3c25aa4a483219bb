// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.resources;

import java.time.Duration;
import java.util.Map;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;

/**
 * The common resource model every CLI driver translates into its own flags: nodes, tasks per node
 * and CPUs per task (the nodes/ppn/threads model), total tasks, memory per node, GPUs per node,
 * wall-clock limit, queue and account. Read from a template's DRMAA2 attributes and the
 * {@link Extensions} keys; a value that is not a positive whole number fails with
 * {@link InvalidArgumentException} naming the extension key.
 *
 * <p>Total tasks are {@code minSlots} when given, else nodes × tasks per node when both are given,
 * else unset. Memory per node is {@link Extensions#MEMORY_PER_NODE_MB}, else {@code minPhysMemory}
 * rounded up to whole MiB.
 *
 * @param nodes number of nodes, or null
 * @param tasksPerNode tasks per node, or null
 * @param cpusPerTask CPUs per task, or null
 * @param totalTasks total tasks (slots), or null
 * @param memoryPerNodeMb memory per node in MiB, or null
 * @param gpusPerNode GPUs per node, or null
 * @param wallclock the wall-clock limit, or null
 * @param queue the queue, or null
 * @param account the account, or null
 */
public record ResourceRequest(Integer nodes, Integer tasksPerNode, Integer cpusPerTask, Long totalTasks,
                              Long memoryPerNodeMb, Integer gpusPerNode, Duration wallclock, String queue,
                              String account) {

    /**
     * @param t a template
     * @return its resource request
     * @throws InvalidArgumentException naming the field whose value is not a positive whole number
     */
    public static ResourceRequest from(JobTemplate t) {
        Map<String, String> ext = t.getExtensions();
        Integer nodes = positiveInt(ext, Extensions.NODES);
        Integer tpn = positiveInt(ext, Extensions.TASKS_PER_NODE);
        Integer cpt = positiveInt(ext, Extensions.CPUS_PER_TASK);
        Integer gpus = positiveInt(ext, Extensions.GPUS_PER_NODE);
        Integer memMb = positiveInt(ext, Extensions.MEMORY_PER_NODE_MB);
        Long total = t.getMinSlots();
        if (total == null && nodes != null && tpn != null) total = (long) nodes * tpn;
        if (total != null && nodes != null && tpn != null && total > (long) nodes * tpn) {
            throw new InvalidArgumentException("minSlots", "asks for " + total + " tasks but " + Extensions.NODES + " × "
                    + Extensions.TASKS_PER_NODE + " gives only " + ((long) nodes * tpn));
        }
        Long mem = memMb != null ? Long.valueOf(memMb)
                : t.getMinPhysMemory() != null ? (t.getMinPhysMemory() + 1023) / 1024 : null;
        Long wall = t.getResourceLimits().get(ResourceLimit.WALLCLOCK_TIME);
        if (wall != null && wall == 0) throw new InvalidArgumentException("resourceLimits[WALLCLOCK_TIME]", "must be at least 1 second");
        return new ResourceRequest(nodes, tpn, cpt, total, mem, gpus, wall == null ? null : Duration.ofSeconds(wall),
                t.getQueueName(), t.getAccountingId());
    }

    private static Integer positiveInt(Map<String, String> ext, String key) {
        String v = ext.get(key);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("extensions[" + key + "]", "must be a positive whole number (was '" + v + "')");
        }
    }

    /**
     * @return the wall-clock limit as {@code [D-]HH:MM:SS}, rounded up to whole seconds, or null
     */
    public String wallclockHms() {
        if (wallclock == null) return null;
        long s = wallclock.toSeconds();
        long d = s / 86400;
        s %= 86400;
        String hms = String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        return d > 0 ? d + "-" + hms : hms;
    }
}
