package org.drmaa2j.pbs.tck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.JobFileReader;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.env.CommandFileReader;

/**
 * The TCK through the Torque-style commands (qsub, qstat, qdel, qhold, qrls) of Debian's
 * {@code slurm-wlm-torque}, run for real over the Slurm 22.05 cluster in a container started by
 * Testcontainers. The driver reaches it with {@code docker exec} as the unprivileged user
 * {@value ClusterContainer#USER}. If the container does not start, the run fails.
 */
public final class TorqueWrappersTckEnvironment implements TckEnvironment {
    private SlurmContainer cluster;

    @Override
    public String name() {
        return "torque-wrappers-on-slurm-container";
    }

    @Override
    public String driverName() {
        return "pbs";
    }

    @Override
    public void start() {
        cluster = new SlurmContainer();
        cluster.start();
    }

    @Override
    public void stop() {
        if (cluster != null) cluster.stop();
    }

    @Override
    public String contact() {
        return "docker://" + ClusterContainer.USER + "@" + cluster.getContainerId();
    }

    @Override
    public Map<String, String> driverProperties() {
        return Map.of("drmaa2j.contact", contact(), "drmaa2j.poll.fastMillis", "500", "drmaa2j.pbs.timeZone", "UTC");
    }

    @Override
    public List<String> queueNames() {
        return List.of(SlurmContainer.DEFAULT_PARTITION, SlurmContainer.OTHER_PARTITION);
    }

    @Override
    public List<String> machineNames() {
        return List.of("localhost");
    }

    @Override
    public String scratchDirectory() {
        return ClusterContainer.HOME;
    }

    @Override
    public JobFileReader fileReader() {
        return CommandFileReader.dockerExec(cluster.getContainerId());
    }

    @Override
    public TckTimings timings() {
        return TckTimings.DEFAULT.withSchedulingDelay(Duration.ofSeconds(10)).withJobTimeout(Duration.ofSeconds(180));
    }
}
