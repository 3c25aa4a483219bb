// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.util.EnumSet;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.TemplateChecks;
import org.drmaa2j.spi.resources.ResourceRequest;
import org.drmaa2j.spi.util.NativeEncoding;

/** What the local driver honours, and the value checks for it. */
final class LocalTemplateChecker {
    /** The queue every local job is in. */
    static final String QUEUE = "local";

    /** Everything the local driver implements; all other capabilities are false. */
    static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.CALLBACK, Capability.BULK_JOBS_MAXPARALLEL,
            Capability.JT_DEADLINE, Capability.JT_MAXSLOTS, Capability.JOB_SUSPEND, Capability.JOB_HOLD,
            Capability.JT_SUBMIT_AS_HOLD, Capability.MONITORING, Capability.PERSISTENT_SESSIONS,
            Capability.JT_START_TIME, Capability.JT_PRIORITY, Capability.JT_CANDIDATE_MACHINES,
            Capability.JT_MIN_PHYS_MEMORY, Capability.JT_MACHINE_OS, Capability.JT_MACHINE_ARCH,
            Capability.JT_RESOURCE_LIMITS, Capability.JT_QUEUE, Capability.JT_INPUT_PATH);

    private final LocalHost host;
    private final boolean prlimit;

    LocalTemplateChecker(LocalHost host, boolean prlimit) {
        this.host = host;
        this.prlimit = prlimit;
    }

    void check(JobTemplate t) {
        // the JDK starts local jobs: it must be able to pass every name, argument and value unchanged
        NativeEncoding.requirePassable("remoteCommand", t.getRemoteCommand());
        for (int i = 0; i < t.getArgs().size(); i++) NativeEncoding.requirePassable("args[" + i + "]", t.getArgs().get(i));
        t.getJobEnvironment().forEach((k, v) -> NativeEncoding.requirePassable("jobEnvironment[" + k + "]", v));
        NativeEncoding.requirePassable("workingDirectory", t.getWorkingDirectory());
        NativeEncoding.requirePassable("inputPath", t.getInputPath());
        NativeEncoding.requirePassable("outputPath", t.getOutputPath());
        NativeEncoding.requirePassable("errorPath", t.getErrorPath());
        if (t.getQueueName() != null && !QUEUE.equals(t.getQueueName())) {
            throw new InvalidArgumentException("queueName", "the local driver has only the queue '" + QUEUE + "', not '" + t.getQueueName() + "'");
        }
        if (!t.getCandidateMachines().isEmpty() && t.getCandidateMachines().stream().noneMatch(host::isThisHost)) {
            throw new UnsupportedAttributeException("candidateMachines", "the local driver runs jobs only on " + host.name()
                    + ", which is not among " + t.getCandidateMachines());
        }
        if (t.getMachineOS() != null && t.getMachineOS() != LocalHost.os()) {
            throw new UnsupportedAttributeException("machineOS", "this machine runs " + LocalHost.os() + ", not " + t.getMachineOS());
        }
        if (t.getMachineArch() != null && t.getMachineArch() != LocalHost.arch()) {
            throw new UnsupportedAttributeException("machineArch", "this machine is " + LocalHost.arch() + ", not " + t.getMachineArch());
        }
        // the machine is only asked when a template asks something of it: each question reads /proc or cgroup files
        long phys = t.getMinPhysMemory() == null ? 0 : LocalHost.physMemoryKiB();
        if (t.getMinPhysMemory() != null && phys > 0 && t.getMinPhysMemory() > phys) {
            throw new UnsupportedAttributeException("minPhysMemory", "this machine has " + phys + " KiB, less than " + t.getMinPhysMemory());
        }
        int cpus = t.getMinSlots() == null ? 0 : Runtime.getRuntime().availableProcessors();
        if (t.getMinSlots() != null && t.getMinSlots() > cpus) {
            throw new UnsupportedAttributeException("minSlots", "this machine has " + cpus + " processors, fewer than " + t.getMinSlots());
        }
        for (ResourceLimit l : t.getResourceLimits().keySet()) {
            if (l != ResourceLimit.WALLCLOCK_TIME && !prlimit) {
                throw new UnsupportedAttributeException("resourceLimits[" + l + "]", "needs the prlimit program, which is not installed");
            }
        }
        TemplateChecks.requireKnownExtensions(t, Set.of(Extensions.NODES));
        Integer nodes = ResourceRequest.from(t).nodes(); // a value that is no positive whole number is an invalid argument
        if (nodes != null && nodes != 1) {
            throw new UnsupportedAttributeException("extensions[" + Extensions.NODES + "]", "the local driver runs every job on one node (was " + nodes + ")");
        }
    }
}
