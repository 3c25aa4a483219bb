// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The daemon threads that read command output, shared by all local runners. */
final class OutputDrainers {
    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "drmaa2j-command-output");
        t.setDaemon(true);
        return t;
    });

    private OutputDrainers() {
    }
}
