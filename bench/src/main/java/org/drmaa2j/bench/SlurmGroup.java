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
            InContainer.runJava(cluster, table, List.of(), List.of(), List.of(), SlurmFigures.class.getName());
        }
    }
}
