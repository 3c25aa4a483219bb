package org.drmaa2j.spi.exec;

import java.util.Map;
import org.drmaa2j.InvalidArgumentException;

/** Opens the command runner a contact string asks for, with retries for transient failures. */
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
        CommandRunner base = switch (contact.transport()) {
            case "local" -> new LocalCommandRunner();
            case "docker" -> new DockerExecCommandRunner(contact.host(), contact.user(), Map.of());
            default -> throw new InvalidArgumentException("contact", "transport '" + contact.transport()
                    + "' is not available in this build (" + contact.text() + ")");
        };
        return new RetryingCommandRunner(base, policy, transientFailures);
    }
}
