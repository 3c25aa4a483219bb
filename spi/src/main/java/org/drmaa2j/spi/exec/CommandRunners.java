// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.Map;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.exec.ssh.SshCommandRunner;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * Opens the command runner a contact string asks for, with retries for transient failures.
 * Locally each command is one process started from the JVM ({@link LocalCommandRunner}: with
 * {@code posix_spawn} on Linux, about as cheap as a shell starting it; a long-lived fork server is
 * slower here). Behind a transport that costs a round trip per process start, such as
 * {@code docker exec}, commands go through {@link ForkServerCommandRunner}: one long-lived server
 * per busy thread, measured 5–6 times faster per command than one {@code docker exec} each. Over
 * SSH all commands share one connection, one channel each ({@link SshCommandRunner}).
 */
public final class CommandRunners {
    private CommandRunners() {
    }

    /**
     * @param contact where commands run
     * @param policy how long to retry transient failures
     * @param transientFailures which failures are transient for this scheduler
     * @return a runner; close it when the session manager closes
     * @throws InvalidArgumentException naming {@code contact} when its transport is not available
     */
    public static CommandRunner open(Contact contact, RetryPolicy policy, TransientFailures transientFailures) {
        return open(contact, policy, transientFailures, new DriverSettings("", Map.of()));
    }

    /**
     * @param contact where commands run
     * @param policy how long to retry transient failures
     * @param transientFailures which failures are transient for this scheduler
     * @param settings the driver settings, for the SSH options ({@link SshOptions})
     * @return a runner; close it when the session manager closes
     * @throws InvalidArgumentException naming {@code contact} when its transport is not available
     */
    public static CommandRunner open(Contact contact, RetryPolicy policy, TransientFailures transientFailures, DriverSettings settings) {
        CommandRunner base = switch (contact.transport()) {
            case "local" -> new LocalCommandRunner();
            case "docker" -> ForkServerCommandRunner.docker(contact.host(), contact.user());
            case "ssh" -> new MeteredCommandRunner(SshCommandRunner.open(contact, settings));
            default -> throw new InvalidArgumentException("contact", "transport '" + contact.transport()
                    + "' is not available in this build (" + contact.text() + ")");
        };
        return new RetryingCommandRunner(base, policy, transientFailures);
    }
}
