// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor.tck;

import org.drmaa2j.htcondor.SharedPool;
import org.drmaa2j.tck.containers.HTCondorContainer;
import org.drmaa2j.tck.env.ContainerTckEnvironment;

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

    /** Leaves the shared pool to stop when the JVM ends: another test class may still use it. */
    @Override
    public void stop() {
    }
}
