// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.IOException;

/** Runs the benchmark's own fixed shell lines (never user text), with the output inherited. */
final class Shell {
    /** Cancels every job of the user; {@code scancel --me} is not known before Slurm 21.08. */
    static final String CANCEL_ALL = "scancel -u \"$(id -un)\"";

    private Shell() {
    }

    static int run(String script) throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start().waitFor();
    }
}
