// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task that runs as a cluster job: a serializable {@link Callable}. A lambda passed to
 * {@link ClusterExecutor#submit(ClusterTask)} is one, so {@code exe.submit(() -> 6 * 7)} works. What
 * the task captures is serialized with it; a {@link ClusterFuture} it captures becomes a dependency
 * and is replaced on the node by that task's result.
 *
 * @param <T> the result type; the result must be serializable too
 */
@FunctionalInterface
public interface ClusterTask<T> extends Callable<T>, Serializable {
}
