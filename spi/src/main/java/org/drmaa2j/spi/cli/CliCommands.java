// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * Builds and runs a scheduler's commands as argv lists, where its programs are: on the PATH, in a
 * bin directory the site names (each program called by its full path there), or behind a fixed
 * prefix (such as {@code env FLUX_F58_FORCE_ASCII=1 flux}, whose subcommands are then the programs).
 */
public final class CliCommands {
    private final CommandRunner runner;
    private final List<String> prefix;
    private final String binDir;

    private CliCommands(CommandRunner runner, List<String> prefix, String binDir) {
        this.runner = runner;
        this.prefix = List.copyOf(prefix);
        this.binDir = binDir == null || binDir.isBlank() ? null : binDir.replaceAll("/+$", "");
    }

    /**
     * @param runner where the commands run
     * @return programs found on the PATH
     */
    public static CliCommands onPath(CommandRunner runner) {
        return new CliCommands(runner, List.of(), null);
    }

    /**
     * @param runner where the commands run
     * @param binDir the directory holding the programs, or null or blank for the PATH
     * @return programs called by their path in that directory
     */
    public static CliCommands inDirectory(CommandRunner runner, String binDir) {
        return new CliCommands(runner, List.of(), binDir);
    }

    /**
     * @param runner where the commands run
     * @param prefix words every command starts with
     * @return commands that start with the prefix
     */
    public static CliCommands withPrefix(CommandRunner runner, String... prefix) {
        return new CliCommands(runner, List.of(prefix), null);
    }

    /**
     * @param program the program (or, with a prefix, the subcommand)
     * @param args its arguments, each one argv entry
     * @return a retryable command
     */
    public Command command(String program, List<String> args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(binDir == null ? program : binDir + "/" + program);
        argv.addAll(args);
        return Command.of(argv);
    }

    /**
     * @param program the program
     * @param args its arguments
     * @return a retryable command
     */
    public Command command(String program, String... args) {
        return command(program, List.of(args));
    }

    /**
     * @param command a command
     * @return its result
     */
    public CommandResult run(Command command) {
        return runner.run(command);
    }

    /**
     * @param program the program
     * @param args its arguments
     * @return the result
     */
    public CommandResult run(String program, String... args) {
        return runner.run(command(program, args));
    }

    /**
     * @param program a query program
     * @param args its arguments
     * @return its standard output
     * @throws DrmCommunicationException with the scheduler's words when it fails
     */
    public String output(String program, String... args) {
        return CommandErrors.output(run(program, args));
    }

    /** @return the runner */
    public CommandRunner runner() {
        return runner;
    }
}
