// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

/**
 * Runs commands where the scheduler's tools are: on this machine, or on a login node over SSH.
 * A non-zero exit code is a normal result, not an exception; the driver decides what it means.
 */
public interface CommandRunner extends AutoCloseable {
    /**
     * @param command what to run
     * @return its exit code and output
     * @throws org.drmaa2j.DrmCommunicationException if it could not be started, timed out, or the
     *     connection to the remote side failed
     */
    CommandResult run(Command command);

    /**
     * Starts a long-lived helper process spoken to in lines, where this runner's commands run.
     * Only runners that can hold a process open cheaply offer one (the local runner does); the
     * default offers none, and the caller then runs one command per request.
     *
     * @param command the helper's argv (its standard input, time-out and retry flag are ignored)
     * @return the started helper, or empty when this runner offers none
     * @throws org.drmaa2j.DrmCommunicationException if the runner offers one but it cannot start
     */
    default java.util.Optional<CoProcess> startCoProcess(Command command) {
        return java.util.Optional.empty();
    }

    /** @return where commands run, for messages, such as {@code local} or {@code ssh://user@login:22} */
    String describe();

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}
