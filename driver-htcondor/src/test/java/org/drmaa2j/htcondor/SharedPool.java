// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import org.drmaa2j.tck.containers.HTCondorContainer;

/**
 * The one HTCondor personal pool of a test JVM (the TCK's, or the kill test's): whatever test class
 * of the JVM needs a pool shares it, so a JVM starts one container, not one per class.
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
