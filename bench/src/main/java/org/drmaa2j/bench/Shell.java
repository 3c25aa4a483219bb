// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.IOException;

/** Runs the benchmark's own fixed shell lines (never user text), with the output inherited. */
final class Shell {
    private Shell() {
    }

    static int run(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start().waitFor();
    }
}
