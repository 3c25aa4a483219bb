// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One command to run: an argv list (never a shell string), optional standard input, a time-out,
 * and whether it may be repeated after a transient failure. Submissions are not retryable unless
 * the driver can tell afterwards whether the first attempt went through.
 *
 * @param argv the program and its arguments, each passed to the program exactly
 * @param stdin bytes written to the program's standard input, or null for none
 * @param timeout how long the command may run before it is killed
 * @param retryable true when running it twice has the same effect as once
 */
public record Command(List<String> argv, byte[] stdin, Duration timeout, boolean retryable) {
    /** The time-out used when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Copies and checks the argv.
     *
     * @param argv the program and its arguments, each passed to the program exactly
     * @param stdin bytes written to the program's standard input, or null for none
     * @param timeout how long the command may run before it is killed
     * @param retryable true when running it twice has the same effect as once
     */
    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("argv must name a program");
        for (String a : argv) Objects.requireNonNull(a, "argv entries must not be null");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param argv the program and its arguments
     * @return a retryable command with the default time-out and no input
     */
    public static Command of(String... argv) {
        return new Command(List.of(argv), null, DEFAULT_TIMEOUT, true);
    }

    /**
     * @param argv the program and its arguments
     * @return a retryable command with the default time-out and no input
     */
    public static Command of(List<String> argv) {
        return new Command(argv, null, DEFAULT_TIMEOUT, true);
    }

    /**
     * @param text standard input, UTF-8
     * @return a copy with that input
     */
    public Command withStdin(String text) {
        return new Command(argv, text.getBytes(StandardCharsets.UTF_8), timeout, retryable);
    }

    /**
     * @param t the time-out
     * @return a copy with that time-out
     */
    public Command withTimeout(Duration t) {
        return new Command(argv, stdin, t, retryable);
    }

    /** @return a copy that is never retried */
    public Command notRetryable() {
        return new Command(argv, stdin, timeout, false);
    }

    /** @return the program name, for messages */
    public String program() {
        String p = argv.get(0);
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** @return the argv joined by spaces, for logs; never includes standard input */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && argv.equals(c.argv) && java.util.Arrays.equals(stdin, c.stdin)
                && timeout.equals(c.timeout) && retryable == c.retryable;
    }

    @Override
    public int hashCode() {
        return argv.hashCode();
    }
}
