// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands inside a running container with {@code docker exec}, as a given user: the way
 * the conformance kit reaches a scheduler in a container, and a way to drive a scheduler that runs
 * in one. The command's argv is handed to docker as argv; no shell is involved on either side.
 */
public final class DockerExecCommandRunner implements CommandRunner {
    private final String container;
    private final String user;
    private final Map<String, String> environment;
    private final CommandRunner transport = new LocalCommandRunner(Map.of(), false);

    /**
     * @param container the container name or id
     * @param user the user to run as, or null for the container's default
     * @param environment variables set for every command
     */
    public DockerExecCommandRunner(String container, String user, Map<String, String> environment) {
        this.container = container;
        this.user = user;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = new ArrayList<>(List.of("docker", "exec"));
        if (command.stdin() != null) argv.add("-i");
        if (user != null) {
            argv.add("-u");
            argv.add(user);
        }
        environment.forEach((k, v) -> {
            argv.add("-e");
            argv.add(k + "=" + v);
        });
        argv.add(container);
        argv.addAll(command.argv());
        CommandResult r = transport.run(new Command(argv, command.stdin(), command.timeout(), command.retryable()));
        CommandMetrics.record(command, r.elapsed().toNanos());
        if (r.exitCode() == 127 && r.stderr().contains("executable file not found")) {
            throw new CommandNotFoundException("cannot run " + command.program() + " in container " + container + ": " + r.stderr().strip(), null);
        }
        return new CommandResult(command, r.exitCode(), r.stdout(), r.stderr(), r.elapsed());
    }

    @Override
    public String describe() {
        return "docker://" + (user == null ? "" : user + "@") + container;
    }
}
