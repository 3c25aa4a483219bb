// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.Serializable;

/**
 * The serialized form of a {@link ClusterFuture}: only the task key. On the node it resolves to a
 * completed future holding that task's result, read from the cache directory.
 */
final class FutureRef implements Serializable {
    private static final long serialVersionUID = 1L;

    final String key;

    FutureRef(String key) {
        this.key = key;
    }

    private Object readResolve() {
        return TaskMain.resolve(key);
    }
}
