// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;

/**
 * Resources and naming of a task's job: queue, account, wall-clock limit, CPUs, memory, GPUs, nodes,
 * environment and extension attributes, and optionally the task's key. Options given to
 * {@link ClusterExecutor#submit(ClusterTask, TaskOptions)} override the executor's defaults field by
 * field. Immutable; build with {@link #builder()}.
 */
public final class TaskOptions {
    private static final TaskOptions NONE = builder().build();

    private final String key;
    private final String jobName;
    private final String queue;
    private final String account;
    private final Duration walltime;
    private final Integer cpus;
    private final Long memoryMb;
    private final Integer gpus;
    private final Integer nodes;
    private final Map<String, String> environment;
    private final Map<String, String> extensions;

    private TaskOptions(Builder b) {
        key = b.key;
        jobName = b.jobName;
        queue = b.queue;
        account = b.account;
        walltime = b.walltime;
        cpus = b.cpus;
        memoryMb = b.memoryMb;
        gpus = b.gpus;
        nodes = b.nodes;
        environment = Map.copyOf(b.environment);
        extensions = Map.copyOf(b.extensions);
    }

    /** @return options that set nothing */
    public static TaskOptions none() {
        return NONE;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the explicit task key, or null to use a hash of the serialized task */
    public String getKey() {
        return key;
    }

    /** @return the job name, or null for a name made from the key */
    public String getJobName() {
        return jobName;
    }

    /** @return the queue (Slurm partition), or null */
    public String getQueue() {
        return queue;
    }

    /** @return the account (accounting id), or null */
    public String getAccount() {
        return account;
    }

    /** @return the wall-clock limit, or null */
    public Duration getWalltime() {
        return walltime;
    }

    /** @return CPUs for the task, or null */
    public Integer getCpus() {
        return cpus;
    }

    /** @return memory in MiB, or null */
    public Long getMemoryMb() {
        return memoryMb;
    }

    /** @return GPUs, or null */
    public Integer getGpus() {
        return gpus;
    }

    /** @return nodes, or null */
    public Integer getNodes() {
        return nodes;
    }

    /** @return environment variables of the job */
    public Map<String, String> getEnvironment() {
        return environment;
    }

    /** @return extension attributes of the job (see {@link Extensions}) */
    public Map<String, String> getExtensions() {
        return extensions;
    }

    /**
     * @param over options that win where they set a field
     * @return these options with {@code over}'s fields laid on top; maps are merged
     */
    public TaskOptions overriddenBy(TaskOptions over) {
        if (over == null || over == NONE) return this;
        Builder b = builder();
        b.key = over.key != null ? over.key : key;
        b.jobName = over.jobName != null ? over.jobName : jobName;
        b.queue = over.queue != null ? over.queue : queue;
        b.account = over.account != null ? over.account : account;
        b.walltime = over.walltime != null ? over.walltime : walltime;
        b.cpus = over.cpus != null ? over.cpus : cpus;
        b.memoryMb = over.memoryMb != null ? over.memoryMb : memoryMb;
        b.gpus = over.gpus != null ? over.gpus : gpus;
        b.nodes = over.nodes != null ? over.nodes : nodes;
        b.environment.putAll(environment);
        b.environment.putAll(over.environment);
        b.extensions.putAll(extensions);
        b.extensions.putAll(over.extensions);
        return b.build();
    }

    /** Sets the template fields these options describe. */
    void applyTo(JobTemplate.Builder t) {
        t.queueName(queue).accountingId(account);
        if (walltime != null) t.resourceLimit(ResourceLimit.WALLCLOCK_TIME, Math.max(1, walltime.toSeconds()));
        Map<String, String> ext = new LinkedHashMap<>(extensions);
        if (cpus != null) ext.put(Extensions.CPUS_PER_TASK, cpus.toString());
        if (memoryMb != null) ext.put(Extensions.MEMORY_PER_NODE_MB, memoryMb.toString());
        if (gpus != null) ext.put(Extensions.GPUS_PER_NODE, gpus.toString());
        if (nodes != null) ext.put(Extensions.NODES, nodes.toString());
        t.extensions(ext);
        environment.forEach(t::env);
    }

    /** Builds {@link TaskOptions}; positive numbers are checked when set. */
    public static final class Builder {
        private String key;
        private String jobName;
        private String queue;
        private String account;
        private Duration walltime;
        private Integer cpus;
        private Long memoryMb;
        private Integer gpus;
        private Integer nodes;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param v a stable key naming the task in the cache directory: letters, digits, '.', '_' and '-'
         * @return this builder
         */
        public Builder key(String v) {
            if (v != null && !v.matches("[A-Za-z0-9._-]{1,100}") || ".".equals(v) || "..".equals(v)) {
                throw new InvalidArgumentException("key", "'" + v + "' is not 1 to 100 of letters, digits, '.', '_' and '-'");
            }
            key = v;
            return this;
        }

        /**
         * @param v the job name
         * @return this builder
         */
        public Builder jobName(String v) { jobName = v; return this; }

        /**
         * @param v the queue (Slurm partition)
         * @return this builder
         */
        public Builder queue(String v) { queue = v; return this; }

        /**
         * @param v the account
         * @return this builder
         */
        public Builder account(String v) { account = v; return this; }

        /**
         * @param v the wall-clock limit
         * @return this builder
         */
        public Builder walltime(Duration v) {
            if (v != null && (v.isNegative() || v.isZero())) throw new InvalidArgumentException("walltime", "must be positive: " + v);
            walltime = v;
            return this;
        }

        /**
         * @param v CPUs for the task
         * @return this builder
         */
        public Builder cpus(int v) { cpus = positive("cpus", v); return this; }

        /**
         * @param v memory in MiB
         * @return this builder
         */
        public Builder memoryMb(long v) {
            if (v <= 0) throw new InvalidArgumentException("memoryMb", "must be positive: " + v);
            memoryMb = v;
            return this;
        }

        /**
         * @param v GPUs
         * @return this builder
         */
        public Builder gpus(int v) { gpus = positive("gpus", v); return this; }

        /**
         * @param v nodes
         * @return this builder
         */
        public Builder nodes(int v) { nodes = positive("nodes", v); return this; }

        /**
         * @param name variable
         * @param value value
         * @return this builder
         */
        public Builder env(String name, String value) { environment.put(name, value); return this; }

        /**
         * @param name extension key (see {@link Extensions})
         * @param value value
         * @return this builder
         */
        public Builder extension(String name, String value) { extensions.put(name, value); return this; }

        /** @return the options */
        public TaskOptions build() {
            return new TaskOptions(this);
        }

        private static int positive(String field, int v) {
            if (v <= 0) throw new InvalidArgumentException(field, "must be positive: " + v);
            return v;
        }
    }

    @Override
    public String toString() {
        return "TaskOptions" + List.of("key=" + key, "queue=" + queue, "account=" + account, "walltime=" + walltime,
                "cpus=" + cpus, "memoryMb=" + memoryMb, "gpus=" + gpus, "nodes=" + nodes);
    }
}
