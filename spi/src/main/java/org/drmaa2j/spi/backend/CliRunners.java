// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.Map;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.CommandRunners;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.RetryPolicy;
import org.drmaa2j.spi.exec.TransientFailures;

/**
 * What every command-line driver does the same way when it opens a backend: pick the contact
 * (the session's, else the driver property {@value #CONTACT_PROPERTY}, else this machine), open
 * the command runner for it with the retry policy of the properties, and learn the user's home
 * directory where the commands run.
 */
public final class CliRunners {
    /** Driver property: the contact used when a session is created without one. */
    public static final String CONTACT_PROPERTY = "drmaa2j.contact";

    private CliRunners() {
    }

    /**
     * @param context the backend context
     * @param properties the driver properties; the retry policy is read from the context's settings ({@link RetryPolicy#from})
     * @param transientFailures the scheduler's transient failures
     * @return a runner for the contact; the backend closes it
     */
    public static CommandRunner open(BackendContext context, Map<String, String> properties, TransientFailures transientFailures) {
        return CommandRunners.open(contact(context), RetryPolicy.from(context.settings()), transientFailures, context.settings());
    }

    /**
     * @param context the backend context
     * @return where its commands run: the session's contact, else {@value #CONTACT_PROPERTY}, else this machine
     * @throws InvalidArgumentException naming {@code contact} when it cannot be understood or names another driver
     */
    public static Contact contact(BackendContext context) {
        String contact = context.contact() != null && !context.contact().isBlank() ? context.contact()
                : context.settings().get(CONTACT_PROPERTY).orElse("");
        checkDriverPrefix(contact, context.settings().driverName());
        return Contact.parse(contact);
    }

    /**
     * @param contact a contact string
     * @param driverName the driver it is given to
     * @throws InvalidArgumentException naming {@code contact} when its scheme names another driver,
     *     such as {@code pbs+ssh://…} given to the slurm driver
     */
    static void checkDriverPrefix(String contact, String driverName) {
        int scheme = contact.indexOf("://");
        int plus = scheme < 0 ? -1 : contact.lastIndexOf('+', scheme);
        if (plus <= 0) return;
        String named = contact.substring(0, plus).strip();
        if (!named.equalsIgnoreCase(driverName)) {
            throw new InvalidArgumentException("contact", "'" + contact + "' is a contact for the " + named + " driver, not for "
                    + driverName);
        }
    }

    /**
     * @param runner where the scheduler's commands run
     * @return the user's home directory there ({@code printenv HOME})
     * @throws DrmCommunicationException if it cannot be learnt
     */
    public static String homeDirectory(CommandRunner runner) {
        CommandResult r = runner.run(Command.of("printenv", "HOME"));
        if (!r.succeeded() || r.stdout().isBlank()) throw new DrmCommunicationException("cannot learn the home directory: " + r.describeFailure());
        return r.stdout().strip();
    }

    /**
     * @param runner where the scheduler's commands run
     * @return the name of the user they run as there ({@code id -un})
     * @throws DrmCommunicationException if it cannot be learnt
     */
    public static String userName(CommandRunner runner) {
        CommandResult r = runner.run(Command.of("id", "-un"));
        if (!r.succeeded() || r.stdout().isBlank()) throw new DrmCommunicationException("cannot learn the user name: " + r.describeFailure());
        return r.stdout().strip();
    }
}
