// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs.tck;

import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.ContainerTckEnvironment;

/**
 * The TCK through the Torque-style commands (qsub, qstat, qdel, qhold, qrls) of Debian's
 * {@code slurm-wlm-torque}, run for real over the Slurm 22.05 cluster in a container started by
 * Testcontainers, as an ordinary user.
 */
public final class TorqueWrappersTckEnvironment extends ContainerTckEnvironment<SlurmContainer> {
    @Override
    public String name() {
        return "torque-wrappers-on-slurm-container";
    }

    @Override
    public String driverName() {
        return "pbs";
    }

    @Override
    protected SlurmContainer newCluster() {
        return new SlurmContainer();
    }

    @Override
    protected Map<String, String> extraDriverProperties() {
        return Map.of("drmaa2j.pbs.timeZone", "UTC");
    }

    @Override
    public List<String> queueNames() {
        return List.of(SlurmContainer.DEFAULT_PARTITION, SlurmContainer.OTHER_PARTITION);
    }
}
