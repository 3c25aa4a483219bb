// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;

/**
 * Starts a Slurm cluster in a container per release and runs {@link SlurmFigures} on its login node:
 * every figure on {@link SlurmVersion#DEFAULT}, the status figures (1,000 live jobs, 40 short jobs
 * waited for) on the other releases. On {@link SlurmVersion#DEFAULT} it also runs {@link SlurmSshFigures}
 * from this machine against the container's sshd. The system property {@value #PARTS} (comma-separated
 * parts of {@link SlurmFigures}, such as {@code status:1000,short}, and {@value #SSH} for the SSH
 * figures) runs those parts on every release instead;
 * {@value #VERSIONS} picks releases.
 */
public final class SlurmGroup implements FigureGroup {
    static final String PARTS = "bench.slurm.parts";
    /** The part that measures over SSH ({@link SlurmSshFigures}), from this machine. */
    static final String SSH = "ssh";
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
            List<String> parts = chosen != null ? new ArrayList<>(List.of(chosen.split(",")))
                    : v == SlurmVersion.DEFAULT ? new ArrayList<>() : new ArrayList<>(List.of("status:1000", "short"));
            // the SSH figures run on this machine, against the container's sshd; the others inside it
            boolean ssh = chosen == null ? v == SlurmVersion.DEFAULT : parts.remove(SSH);
            boolean inside = chosen == null || !parts.isEmpty();
            SlurmSshFigures.Login login = ssh ? SlurmSshFigures.Login.create() : null;
            SlurmContainer container = new SlurmContainer(v);
            if (login != null) container.withAuthorizedKey(login.publicKeyLine());
            try (SlurmContainer cluster = container) {
                cluster.start();
                // let the jobs of the wait figures run side by side: the node's 8 CPUs, each shared by up to 32 jobs
                cluster.execAsRoot("scontrol", "update", "PartitionName=debug", "OverSubscribe=FORCE:32");
                if (inside) {
                    InContainer.runJava(cluster, table, List.of(), List.of(), List.of(), SlurmFigures.class.getName(),
                            parts.toArray(String[]::new));
                }
                if (ssh) sshFigures(cluster, login, table, v);
            } catch (Exception | Error e) {
                e.printStackTrace();
                table.add("Slurm " + v.release() + ": not measured", "-", "-", "-", "-", "no: " + e);
            } finally {
                if (login != null) login.delete();
            }
        }
    }

    private static void sshFigures(SlurmContainer cluster, SlurmSshFigures.Login login, ResultTable table, SlurmVersion v) {
        long t0 = System.nanoTime();
        try {
            SlurmSshFigures.measure(cluster, login, table);
        } catch (Exception | Error e) {
            e.printStackTrace();
            table.add("Slurm " + v.release() + " over SSH: not measured", "-", "-", "-", "-", "no: " + e);
        }
        System.out.printf("== slurm %s over SSH took %.0f s%n", v.release(), (System.nanoTime() - t0) / 1e9);
    }
}
