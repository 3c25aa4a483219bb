// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.time.Duration;

/**
 * What a finished command produced.
 *
 * @param command the command
 * @param exitCode its exit code
 * @param stdout its standard output, UTF-8
 * @param stderr its standard error, UTF-8
 * @param elapsed how long it ran
 */
public record CommandResult(Command command, int exitCode, String stdout, String stderr, Duration elapsed) {
    /** @return true for exit code 0 */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * @return the scheduler's own words about a failure: stderr, else stdout, trimmed, with the
     *     command and exit code, for exception messages
     */
    public String describeFailure() {
        String words = !stderr.isBlank() ? stderr.strip() : stdout.strip();
        return command.program() + " failed (exit " + exitCode + ")" + (words.isEmpty() ? "" : ": " + words);
    }
}
