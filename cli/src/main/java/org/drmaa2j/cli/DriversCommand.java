// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.concurrent.Callable;
import org.drmaa2j.Drmaa2;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code drmaa2 drivers}: the installed drivers. */
@Command(name = "drivers", mixinStandardHelpOptions = true, description = "List the installed drivers.")
final class DriversCommand implements Callable<Integer> {
    @ParentCommand
    Drmaa2Cli root;

    @Override
    public Integer call() {
        root.printer().drivers(Drmaa2.getProviders());
        return 0;
    }
}
