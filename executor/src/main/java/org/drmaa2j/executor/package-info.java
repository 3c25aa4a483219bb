// SPDX-License-Identifier: Apache-2.0
/**
 * Run Java code on the cluster through any drmaa2j driver: {@link org.drmaa2j.executor.ClusterExecutor}
 * is an {@link java.util.concurrent.ExecutorService} whose tasks are cluster jobs, with a cache
 * directory that lets a restarted program reattach to its running jobs and reuse finished results.
 */
package org.drmaa2j.executor;
