// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor.tck;

import java.time.Duration;
import org.drmaa2j.htcondor.SharedPool;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.containers.HTCondorContainer;
import org.drmaa2j.tck.containers.ContainerTckEnvironment;

/**
 * The TCK against a real HTCondor 23.9.6 personal pool (collector, negotiator, schedd and startd
 * under one condor_master) in a container started by Testcontainers, driven as an ordinary user
 * through {@code docker exec}. The pool is the test JVM's {@link SharedPool}, which the kill test
 * uses too.
 */
public final class HTCondorTckEnvironment extends ContainerTckEnvironment<HTCondorContainer> {
    @Override
    public String name() {
        return "htcondor-container";
    }

    @Override
    public String driverName() {
        return "htcondor";
    }

    @Override
    protected HTCondorContainer newCluster() {
        return SharedPool.get();
    }

    /**
     * Safety caps, not expectations: a trivial job takes a few seconds from submission to end on an
     * idle machine, but its shadow, starter and matchmaking were seen taking 70 to 220 s of wall
     * clock with a load average near 100 on 2 cores.
     */
    @Override
    public TckTimings timings() {
        return TckTimings.DEFAULT.withSchedulingDelay(Duration.ofSeconds(10)).withJobTimeout(Duration.ofMinutes(10));
    }

    /** Leaves the shared pool to stop when the JVM ends: another test class may still use it. */
    @Override
    public void stop() {
    }
}
