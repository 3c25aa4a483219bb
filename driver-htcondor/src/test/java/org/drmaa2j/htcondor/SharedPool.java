// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import org.drmaa2j.tck.containers.HTCondorContainer;

/**
 * The one HTCondor personal pool of a test JVM: the TCK environment and the kill test run in the
 * same surefire execution and share it, so the module starts one container, not one per class.
 * Started when first asked for (a pool that does not start fails the caller), stopped when the JVM
 * ends. Tests that share it touch only their own jobs.
 */
public final class SharedPool {
    private static HTCondorContainer pool;

    private SharedPool() {
    }

    /** @return the running pool */
    public static synchronized HTCondorContainer get() {
        if (pool == null) {
            HTCondorContainer p = new HTCondorContainer();
            p.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::stop, "htcondor-pool-stop"));
            pool = p;
        }
        return pool;
    }
}
