// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.JobFileReader;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.env.CommandFileReader;

/**
 * A TCK environment whose cluster runs in a container started by Testcontainers. The driver
 * reaches it with {@code docker exec} as the unprivileged user {@value ClusterContainer#USER}
 * (contact {@code docker://USER@CONTAINER}); the TCK reads the jobs' files the same way. If the
 * container does not start, {@link #start()} fails and so does the run: a cluster that is not
 * there is never a skipped test.
 *
 * @param <C> the container class
 */
public abstract class ContainerTckEnvironment<C extends ClusterContainer<C>> implements TckEnvironment {
    private C cluster;

    /** @return a new, not yet started container for this environment's cluster */
    protected abstract C newCluster();

    /** @return driver properties beyond the contact and the poll interval; none by default */
    protected Map<String, String> extraDriverProperties() {
        return Map.of();
    }

    /** @return the running container */
    protected final C cluster() {
        if (cluster == null) throw new IllegalStateException(name() + " has not been started");
        return cluster;
    }

    @Override
    public void start() {
        cluster = newCluster();
        cluster.start();
    }

    @Override
    public void stop() {
        if (cluster != null) cluster.stop();
    }

    @Override
    public String contact() {
        return "docker://" + ClusterContainer.USER + "@" + cluster().getContainerId();
    }

    @Override
    public Map<String, String> driverProperties() {
        Map<String, String> p = new HashMap<>(Map.of("drmaa2j.contact", contact(), "drmaa2j.poll.fastMillis", "500"));
        p.putAll(extraDriverProperties());
        return Map.copyOf(p);
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
        return CommandFileReader.dockerExec(cluster().getContainerId());
    }

    @Override
    public TckTimings timings() {
        return TckTimings.DEFAULT.withSchedulingDelay(Duration.ofSeconds(10)).withJobTimeout(Duration.ofSeconds(180));
    }
}
