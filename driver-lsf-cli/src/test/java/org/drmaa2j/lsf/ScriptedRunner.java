// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * A command runner for unit tests that runs nothing: it records every argv and answers each
 * program with the result scripted for it (exit 0 and no output when none is).
 */
final class ScriptedRunner implements CommandRunner {
    final List<List<String>> calls = new ArrayList<>();
    private final Map<String, String[]> answers = new HashMap<>();

    /** @return this runner, answering {@code program} with that exit code, stdout and stderr */
    ScriptedRunner answer(String program, int exit, String stdout, String stderr) {
        answers.put(program, new String[] {Integer.toString(exit), stdout, stderr});
        return this;
    }

    @Override
    public CommandResult run(Command command) {
        calls.add(command.argv());
        String[] a = answers.getOrDefault(command.program(), new String[] {"0", "", ""});
        return new CommandResult(command, Integer.parseInt(a[0]), a[1], a[2], Duration.ZERO);
    }

    @Override
    public String describe() {
        return "scripted";
    }
}
