// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.drmaa2j.spi.exec.CoProcess;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * A command runner that answers with recorded outputs: the first rule whose argv prefix (after
 * {@code env FLUX_F58_FORCE_ASCII=1 flux}) matches gives the answer. Every command is recorded.
 */
final class ScriptedRunner implements CommandRunner {
    /** One answer. */
    record Answer(int rc, String stdout, String stderr) {
        static Answer ok(String stdout) {
            return new Answer(0, stdout, "");
        }
    }

    private final List<Map.Entry<String, Function<Command, Answer>>> rules = new CopyOnWriteArrayList<>();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    /** The co-processes asked for ({@link #startCoProcess}). */
    final List<Command> coProcessCommands = new CopyOnWriteArrayList<>();
    /** What {@link #startCoProcess} hands out: none by default, as every runner but the local one. */
    volatile Function<Command, Optional<CoProcess>> coProcesses = c -> Optional.empty();

    ScriptedRunner on(String prefix, Answer answer) {
        rules.add(0, Map.entry(prefix, c -> answer));
        return this;
    }

    ScriptedRunner on(String prefix, Function<Command, Answer> answer) {
        rules.add(0, Map.entry(prefix, answer));
        return this;
    }

    /** @return the recorded commands without the {@code env FLUX_F58_FORCE_ASCII=1 flux} prefix, joined by spaces */
    List<String> fluxCommands() {
        List<String> out = new ArrayList<>();
        for (Command c : commands) {
            if (c.argv().subList(0, Math.min(3, c.argv().size())).equals(FluxBackend.PREFIX)) {
                out.add(String.join(" ", c.argv().subList(3, c.argv().size())));
            }
        }
        return out;
    }

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        List<String> argv = command.argv();
        boolean flux = argv.size() >= 3 && argv.subList(0, 3).equals(FluxBackend.PREFIX);
        String line = String.join(" ", flux ? argv.subList(3, argv.size()) : argv);
        for (Map.Entry<String, Function<Command, Answer>> r : rules) {
            if (line.startsWith(r.getKey())) {
                Answer a = r.getValue().apply(command);
                return new CommandResult(command, a.rc(), a.stdout(), a.stderr(), Duration.ZERO);
            }
        }
        return new CommandResult(command, 127, "", "no scripted answer for: " + line, Duration.ZERO);
    }

    @Override
    public Optional<CoProcess> startCoProcess(Command command) {
        coProcessCommands.add(command);
        return coProcesses.apply(command);
    }

    @Override
    public String describe() {
        return "scripted";
    }
}
