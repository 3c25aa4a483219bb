// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/** A command runner that answers by program name and records every command it was given. */
final class ScriptedRunner implements CommandRunner {
    private final Map<String, Function<Command, CommandResult>> answers = new LinkedHashMap<>();
    final List<Command> commands = new java.util.concurrent.CopyOnWriteArrayList<>();

    ScriptedRunner on(String program, int rc, String stdout, String stderr) {
        answers.put(program, c -> new CommandResult(c, rc, stdout, stderr, Duration.ZERO));
        return this;
    }

    ScriptedRunner on(String program, Function<Command, CommandResult> answer) {
        answers.put(program, answer);
        return this;
    }

    List<String> programs() {
        List<String> out = new ArrayList<>();
        for (Command c : commands) out.add(c.argv().get(0));
        return out;
    }

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        Function<Command, CommandResult> a = answers.get(command.argv().get(0));
        if (a == null) return new CommandResult(command, 127, "", command.argv().get(0) + ": not found", Duration.ZERO);
        return a.apply(command);
    }

    @Override
    public String describe() {
        return "scripted";
    }
}
