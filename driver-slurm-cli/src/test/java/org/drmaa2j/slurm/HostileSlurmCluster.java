// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;
import org.testcontainers.images.builder.Transferable;

/**
 * One Slurm container for the hostile-input tests of this JVM. Its node is widened to
 * {@value #CPUS} CPUs before the first job (slurmctld and slurmd restarted with the new node
 * line): with the image's 8 CPUs Slurm starts 8 tiny jobs per scheduling cycle, about 3 jobs a
 * second; with {@value #CPUS} it keeps up with submission (measured: 500 jobs in 27 s).
 */
final class HostileSlurmCluster {
    static final int CPUS = 64;
    private static final String WIDEN = String.join("\n",
            "set -e",
            "sed -i 's/^NodeName=localhost CPUs=[0-9]* RealMemory=[0-9]*/NodeName=localhost CPUs=" + CPUS + " RealMemory=" + (CPUS * 1000) + "/' /etc/slurm/slurm.conf",
            "pkill -x slurmd; pkill -x slurmctld",
            "while pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null; do sleep 0.2; done",
            "slurmctld; for i in $(seq 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.2; done",
            "slurmd",
            "for i in $(seq 150); do sinfo -h -N -o '%c %T' | grep -q '^" + CPUS + " idle' && exit 0; sleep 0.2; done",
            "sinfo -N; exit 1", "");

    private static SlurmContainer cluster;

    private HostileSlurmCluster() {
    }

    /** @return the started, widened container */
    static synchronized SlurmContainer get() {
        if (cluster == null) {
            SlurmContainer c = new SlurmContainer(SlurmVersion.fromSystemProperty());
            c.start();
            c.copyFileToContainer(Transferable.of(WIDEN.getBytes(StandardCharsets.UTF_8), 0700), "/tmp/widen-node.sh");
            ExecOutcome widened = c.execAsRoot("bash", "/tmp/widen-node.sh");
            if (!widened.succeeded()) throw new IllegalStateException("cannot widen the Slurm node: " + widened);
            cluster = c;
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        }
        return cluster;
    }

    /** @return driver properties for a session manager on the container */
    static Map<String, String> driverProperties(String stateDir) {
        return Map.of("drmaa2j.contact", contact(), "drmaa2j.stateDir", stateDir, "drmaa2j.poll.fastMillis", "500");
    }

    /** @return the contact of the container's cluster, as its unprivileged user */
    static String contact() {
        return "docker://" + ClusterContainer.USER + "@" + get().getContainerId();
    }
}
