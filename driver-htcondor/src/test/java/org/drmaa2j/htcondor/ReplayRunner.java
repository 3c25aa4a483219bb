// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * Answers HTCondor commands with outputs recorded from the real pool: the most recently added
 * rule whose program and first arguments match gives the answer. Records every command, so tests
 * can count them.
 */
final class ReplayRunner implements CommandRunner {
    private final List<Map.Entry<String, CommandResult>> rules = new CopyOnWriteArrayList<>();
    final List<Command> commands = new CopyOnWriteArrayList<>();

    /**
     * @param prefix the start of the command line, words joined by spaces
     * @param exitCode the exit code to answer with
     * @param stdout the standard output to answer with
     * @param stderr the standard error to answer with
     * @return this runner
     */
    ReplayRunner on(String prefix, int exitCode, String stdout, String stderr) {
        rules.add(0, Map.entry(prefix, new CommandResult(Command.of("recorded"), exitCode, stdout, stderr, Duration.ZERO)));
        return this;
    }

    /** @return the recorded command lines whose program is {@code program} */
    List<List<String>> calls(String program) {
        List<List<String>> out = new ArrayList<>();
        for (Command c : commands) if (c.argv().get(0).equals(program)) out.add(c.argv());
        return out;
    }

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        String line = String.join(" ", command.argv());
        for (Map.Entry<String, CommandResult> r : rules) {
            if (line.startsWith(r.getKey())) {
                CommandResult a = r.getValue();
                return new CommandResult(command, a.exitCode(), a.stdout(), a.stderr(), Duration.ZERO);
            }
        }
        return new CommandResult(command, 127, "", "no recorded answer for: " + line, Duration.ZERO);
    }

    @Override
    public String describe() {
        return "recorded";
    }
}
