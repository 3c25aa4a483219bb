// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * Well-known keys of {@link JobTemplate#getExtensions()}. They describe the common resource
 * model (nodes, tasks per node, CPUs per task, memory, GPUs) and scheduler features DRMAA2 has no
 * attribute for; every CLI driver translates them into its own flags. A driver that cannot honour
 * a key it is given raises {@link UnsupportedAttributeException}. Keys not listed here and not
 * starting with a driver's own prefix are rejected the same way.
 */
public final class Extensions {
    /** Number of nodes (machines), a positive integer. */
    public static final String NODES = "drmaa2j.nodes";
    /** Tasks (processes, MPI ranks) per node, a positive integer. */
    public static final String TASKS_PER_NODE = "drmaa2j.tasksPerNode";
    /** CPUs (threads) per task, a positive integer. */
    public static final String CPUS_PER_TASK = "drmaa2j.cpusPerTask";
    /** Memory per node, in MiB. */
    public static final String MEMORY_PER_NODE_MB = "drmaa2j.memoryPerNodeMb";
    /** GPUs per node, a positive integer. */
    public static final String GPUS_PER_NODE = "drmaa2j.gpusPerNode";
    /**
     * Jobs this job depends on, in the form {@code type:id[:id…][,type:id…]} where type is one of
     * {@code after}, {@code afterok}, {@code afternotok}, {@code afterany}.
     */
    public static final String DEPENDENCIES = "drmaa2j.dependencies";
    /**
     * Native scheduler options passed through unchanged, one per line (for example
     * {@code --constraint=haswell}). Each line becomes one directive in the job script, never
     * shell text.
     */
    public static final String NATIVE_OPTIONS = "drmaa2j.nativeOptions";

    private Extensions() {
    }
}
