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
 *
 * <p>So many launches at once meet slurmd's one-at-a-time batch launch: on a busy machine its reply to
 * the controller's launch request came after the default 10 s {@code MessageTimeout}, the controller had
 * stopped waiting, and slurmd cancelled the job it could no longer confirm ("Could not confirm batch
 * launch for job N, aborting request": CANCELLED by 0 or NODE_FAIL, never started; 2 to 108 of 4,550
 * jobs in loaded runs). As Slurm advises for shared nodes, this cluster gets {@code MessageTimeout} and
 * {@code BatchStartTimeout} of 60 s. The image keeps Slurm's defaults, which the outage test relies on
 * (a client gives up on a stopped controller after about 18 s).
 */
final class HostileSlurmCluster {
    static final int CPUS = 64;
    private static final String WIDEN = String.join("\n",
            "set -e",
            "sed -i 's/^NodeName=localhost CPUs=[0-9]* RealMemory=[0-9]*/NodeName=localhost CPUs=" + CPUS + " RealMemory=" + (CPUS * 1000) + "/' /etc/slurm/slurm.conf",
            "printf 'MessageTimeout=60\\nBatchStartTimeout=60\\n' >> /etc/slurm/slurm.conf",
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
