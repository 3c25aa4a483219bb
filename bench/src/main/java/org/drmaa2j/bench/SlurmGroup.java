// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.List;
import org.drmaa2j.tck.containers.SlurmContainer;

/** Starts a Slurm cluster in a container and runs {@link SlurmFigures} on its login node. */
public final class SlurmGroup implements FigureGroup {
    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        try (SlurmContainer cluster = new SlurmContainer()) {
            cluster.start();
            // let the jobs of the wait figures run side by side: the node's 8 CPUs, each shared by up to 32 jobs
            cluster.execAsRoot("scontrol", "update", "PartitionName=debug", "OverSubscribe=FORCE:32");
            InContainer.runJava(cluster, table, List.of(), List.of(), List.of(), SlurmFigures.class.getName());
        }
    }
}
