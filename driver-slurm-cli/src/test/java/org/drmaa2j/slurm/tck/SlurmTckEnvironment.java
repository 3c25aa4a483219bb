// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.tck;

import java.util.List;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.env.ContainerTckEnvironment;

/**
 * The TCK against a real Slurm 22.05 cluster (slurmctld, slurmd, slurmdbd with MariaDB) in a
 * container started by Testcontainers, driven as an ordinary user.
 */
public final class SlurmTckEnvironment extends ContainerTckEnvironment<SlurmContainer> {
    @Override
    public String name() {
        return "slurm-container";
    }

    @Override
    public String driverName() {
        return "slurm";
    }

    @Override
    protected SlurmContainer newCluster() {
        return new SlurmContainer();
    }

    @Override
    public List<String> queueNames() {
        return List.of(SlurmContainer.DEFAULT_PARTITION, SlurmContainer.OTHER_PARTITION);
    }
}
