// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * Builds and runs LSF commands as argv lists. With a bin directory (the driver property
 * {@value LsfProvider#BIN_DIR_PROPERTY}, for sites whose LSF commands are not on the default
 * PATH) each program is called by its full path in that directory.
 */
final class LsfCommands {
    private final CommandRunner runner;
    private final String binDir;

    LsfCommands(CommandRunner runner, String binDir) {
        this.runner = runner;
        this.binDir = binDir == null || binDir.isBlank() ? null : binDir.replaceAll("/+$", "");
    }

    /**
     * @param program an LSF program such as {@code bjobs}
     * @param args its arguments, each one argv entry
     * @return the retryable command
     */
    Command command(String program, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(binDir == null ? program : binDir + "/" + program);
        argv.addAll(args);
        return Command.of(argv);
    }

    CommandResult run(Command command) {
        return runner.run(command);
    }

    CommandResult run(String program, String... args) {
        return runner.run(command(program, List.of(args)));
    }

    /** @return the output of a command that must succeed; otherwise its own words in a DrmCommunicationException */
    String require(String program, String... args) {
        CommandResult r = run(program, args);
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return r.stdout();
    }

    CommandRunner runner() {
        return runner;
    }
}
