// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.List;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;

/**
 * Starts a Slurm cluster in a container per release and runs {@link SlurmFigures} on its login node:
 * every figure on {@link SlurmVersion#DEFAULT}, the status figures (1,000 live jobs, 40 short jobs
 * waited for) on the other releases. The system property {@value #PARTS} (comma-separated parts of
 * {@link SlurmFigures}, such as {@code status:1000,short}) runs those parts on every release instead;
 * {@value #VERSIONS} picks releases.
 */
public final class SlurmGroup implements FigureGroup {
    static final String PARTS = "bench.slurm.parts";
    /** Comma-separated releases to measure, such as {@code 24.11}; all by default. */
    static final String VERSIONS = "bench.slurm.versions";

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        String only = System.getProperty(VERSIONS);
        List<SlurmVersion> versions = only == null ? List.of(SlurmVersion.values())
                : java.util.Arrays.stream(only.split(",")).map(SlurmVersion::of).toList();
        for (SlurmVersion v : versions) {
            System.out.println("== slurm: " + v);
            String chosen = System.getProperty(PARTS);
            List<String> parts = chosen != null ? List.of(chosen.split(","))
                    : v == SlurmVersion.DEFAULT ? List.of() : List.of("status:1000", "short");
            try (SlurmContainer cluster = new SlurmContainer(v)) {
                cluster.start();
                // let the jobs of the wait figures run side by side: the node's 8 CPUs, each shared by up to 32 jobs
                cluster.execAsRoot("scontrol", "update", "PartitionName=debug", "OverSubscribe=FORCE:32");
                InContainer.runJava(cluster, table, List.of(), List.of(), List.of(), SlurmFigures.class.getName(),
                        parts.toArray(String[]::new));
            } catch (Exception | Error e) {
                e.printStackTrace();
                table.add("Slurm " + v.release() + ": not measured", "-", "-", "-", "-", "no: " + e);
            }
        }
    }
}
