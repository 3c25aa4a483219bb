// SPDX-License-Identifier: Apache-2.0
/**
 * {@link org.drmaa2j.executor.ClusterExecutor}: an {@link java.util.concurrent.ExecutorService} whose
 * tasks run as cluster jobs, on any drmaa2j driver.
 */
module org.drmaa2j.executor {
    requires transitive org.drmaa2j;

    exports org.drmaa2j.executor;
}
