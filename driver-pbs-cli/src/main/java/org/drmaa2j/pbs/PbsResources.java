// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.resources.ResourceRequest;

/**
 * The common resource model as {@code -l} values. With nodes N, tasks per node T and CPUs per task
 * C (the nodes/ppn/threads model):
 * <ul>
 *   <li>OpenPBS/PBS Pro: {@code select=N:ncpus=T·C:mpiprocs=T:ompthreads=C[:mem=Mmb][:ngpus=G]},
 *       {@code place=scatter} so that chunks are nodes;</li>
 *   <li>Torque: {@code nodes=N:ppn=T·C[:gpus=G]} (ppn counts cores), {@code mem=} for the whole
 *       job (N × memory per node);</li>
 *   <li>Slurm's wrappers: {@code nodes=N:ppn=T}, {@code mppdepth=C} (the wrapper's
 *       {@code --cpus-per-task}), {@code naccelerators=G} ({@code --gres=gpu:G}) and {@code mem=} per
 *       node ({@code --mem}): the forms its resource parser turns into Slurm's own task model.</li>
 * </ul>
 * Without a node count, total tasks S become S one-task chunks on PBS Pro, and one node with S·C
 * cores on Torque; memory or GPUs per node then need a node count.
 */
final class PbsResources {
    private PbsResources() {
    }

    /**
     * @param r the resource request
     * @param dialect the scheduler flavour
     * @return the {@code -l} values, in order
     */
    static List<String> options(ResourceRequest r, PbsDialect dialect) {
        List<String> out = new ArrayList<>();
        boolean any = r.nodes() != null || r.tasksPerNode() != null || r.cpusPerTask() != null || r.totalTasks() != null
                || r.memoryPerNodeMb() != null || r.gpusPerNode() != null;
        if (any) {
            if (r.nodes() == null && r.totalTasks() != null && r.totalTasks() > 1 && dialect == PbsDialect.PBSPRO) {
                if (r.memoryPerNodeMb() != null) throw perNodeWithoutNodes(Extensions.MEMORY_PER_NODE_MB);
                if (r.gpusPerNode() != null) throw perNodeWithoutNodes(Extensions.GPUS_PER_NODE);
            }
            int cpt = r.cpusPerTask() == null ? 1 : r.cpusPerTask();
            long nodes;
            long tpn;
            if (r.nodes() != null) {
                nodes = r.nodes();
                tpn = r.tasksPerNode() != null ? r.tasksPerNode()
                        : r.totalTasks() != null ? (r.totalTasks() + nodes - 1) / nodes : 1;
            } else if (dialect == PbsDialect.PBSPRO && r.totalTasks() != null && r.tasksPerNode() == null) {
                nodes = r.totalTasks();
                tpn = 1;
            } else {
                nodes = 1;
                tpn = r.tasksPerNode() != null ? r.tasksPerNode() : r.totalTasks() != null ? r.totalTasks() : 1;
            }
            if (dialect == PbsDialect.PBSPRO) {
                StringBuilder sel = new StringBuilder("select=").append(nodes).append(":ncpus=").append(tpn * cpt)
                        .append(":mpiprocs=").append(tpn).append(":ompthreads=").append(cpt);
                if (r.memoryPerNodeMb() != null) sel.append(":mem=").append(r.memoryPerNodeMb()).append("mb");
                if (r.gpusPerNode() != null) sel.append(":ngpus=").append(r.gpusPerNode());
                out.add(sel.toString());
                if (r.nodes() != null) out.add("place=scatter");
            } else if (dialect == PbsDialect.SLURM_WRAPPERS) {
                out.add("nodes=" + nodes + ":ppn=" + tpn);
                if (cpt > 1) out.add("mppdepth=" + cpt);
                if (r.gpusPerNode() != null) out.add("naccelerators=" + r.gpusPerNode());
                if (r.memoryPerNodeMb() != null) out.add("mem=" + r.memoryPerNodeMb() + "mb");
            } else {
                StringBuilder n = new StringBuilder("nodes=").append(nodes).append(":ppn=").append(tpn * cpt);
                if (r.gpusPerNode() != null) n.append(":gpus=").append(r.gpusPerNode());
                out.add(n.toString());
                if (r.memoryPerNodeMb() != null) out.add("mem=" + r.memoryPerNodeMb() * nodes + "mb");
            }
        }
        if (r.wallclock() != null) out.add("walltime=" + walltime(r.wallclock()));
        return out;
    }

    /**
     * @param d a duration
     * @return PBS's {@code HH:MM:SS}, hours unbounded
     */
    static String walltime(Duration d) {
        long s = d.toSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static InvalidArgumentException perNodeWithoutNodes(String key) {
        return new InvalidArgumentException("extensions[" + key + "]", "is per node, but with minSlots above 1 and no "
                + Extensions.NODES + " PBS cannot tell how many nodes the job spans; set " + Extensions.NODES);
    }
}
