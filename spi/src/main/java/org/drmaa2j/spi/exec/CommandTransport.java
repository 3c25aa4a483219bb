// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import org.drmaa2j.spi.util.DriverSettings;

/**
 * A way to reach where a scheduler's commands run, chosen by the contact string's scheme: {@code local}
 * (this machine), {@code docker://USER@CONTAINER}, {@code ssh://USER@HOST:PORT/}, or a site's own. A
 * transport is found with {@link java.util.ServiceLoader}: register the implementation in
 * {@code META-INF/services/org.drmaa2j.spi.exec.CommandTransport} (on the module path: {@code provides
 * org.drmaa2j.spi.exec.CommandTransport with …}). A site that must run the scheduler's tools as another
 * user ({@code sudo -u}) or through a gateway adds a transport with its own scheme; every command-line
 * driver then accepts contacts such as {@code slurm+mysudo://alice@localhost} without any change.
 *
 * <p>The runner a transport opens runs argv lists, never shell strings built from user text; on the
 * remote side each argument must reach the program unchanged. Retries of transient failures are added
 * around it by {@link CommandRunners}.
 */
public interface CommandTransport {
    /**
     * @return the scheme this transport serves, lower case, such as {@code ssh}: the part of a contact's
     *         scheme after the optional {@code <driver>+}
     */
    String scheme();

    /**
     * @param contact the parsed contact, whose {@link Contact#transport()} is this scheme
     * @param settings the driver settings, for the transport's own options
     * @return a runner for that place; the caller closes it
     * @throws org.drmaa2j.InvalidArgumentException naming {@code contact} when the contact is not usable here
     * @throws org.drmaa2j.DrmCommunicationException when the place cannot be reached
     */
    CommandRunner open(Contact contact, DriverSettings settings);
}
