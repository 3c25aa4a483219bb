// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    private final List<Map.Entry<String, Deque<String>>> sequences = new CopyOnWriteArrayList<>();
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

    /**
     * Answers successive commands starting with {@code prefix} with successive outputs (exit status
     * 0), the last one again once all were given.
     *
     * @param prefix the start of the command line, words joined by spaces
     * @param stdouts the standard outputs, in order
     * @return this runner
     */
    ReplayRunner onEach(String prefix, String... stdouts) {
        sequences.add(0, Map.entry(prefix, new ArrayDeque<>(List.of(stdouts))));
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
        for (Map.Entry<String, Deque<String>> q : sequences) {
            if (line.startsWith(q.getKey())) {
                synchronized (q.getValue()) {
                    String out = q.getValue().size() > 1 ? q.getValue().poll() : q.getValue().peek();
                    return new CommandResult(command, 0, out, "", Duration.ZERO);
                }
            }
        }
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
