// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.Map;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * Opens the command runner a contact string asks for, through the {@link CommandTransport} installed
 * for its scheme ({@link CommandTransports}), with retries for transient failures. The kit's own
 * transports: {@code local} ({@link LocalTransport}: each command one process started from the JVM),
 * {@code docker} ({@link DockerTransport}: one long-lived fork server per busy thread behind
 * {@code docker exec}) and {@code ssh} ({@link org.drmaa2j.spi.exec.ssh.SshTransport}: one connection,
 * one channel per command). A site adds its own (for {@code sudo -u} or a gateway) with ServiceLoader.
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
     * @param settings the driver settings, for the transport's options (such as {@link SshOptions})
     * @return a runner; close it when the session manager closes
     * @throws InvalidArgumentException naming {@code contact} when its transport is not available
     */
    public static CommandRunner open(Contact contact, RetryPolicy policy, TransientFailures transientFailures, DriverSettings settings) {
        CommandRunner base = CommandTransports.find(contact.transport()).open(contact, settings);
        return new RetryingCommandRunner(base, policy, transientFailures);
    }
}
