// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A subcommand that works in the job session the global options name, opened for the call and closed after. */
abstract class SessionCommand implements Callable<Integer> {
    @ParentCommand
    Drmaa2Cli root;

    /** Checks the command's own arguments before any driver is contacted; does nothing unless overridden. */
    void prepare() {
    }

    /**
     * @param access the open session
     * @param printer where output goes
     * @return the exit code
     */
    abstract int run(SessionAccess access, Printer printer);

    @Override
    public final Integer call() {
        prepare();
        try (SessionAccess access = root.openSession()) {
            return run(access, root.printer());
        }
    }
}
