// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import java.util.List;
import java.util.stream.Collectors;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.script.ShellQuoting;

/**
 * The one command string an SSH server hands to the user's login shell: every argv element
 * quoted so that the shell passes it to the program unchanged. Only POSIX single quoting is used,
 * which every Bourne-style shell (sh, dash, bash, ksh, zsh) reads the same way.
 */
final class SshCommandLine {
    private SshCommandLine() {
    }

    /**
     * @param argv the program and its arguments
     * @return the command string
     * @throws InvalidArgumentException naming {@code argv} if an element holds a NUL character
     */
    static String of(List<String> argv) {
        return argv.stream().map(SshCommandLine::word).collect(Collectors.joining(" "));
    }

    private static String word(String arg) {
        if (arg.indexOf('\0') >= 0) throw new InvalidArgumentException("argv", "a NUL character cannot be passed over SSH");
        // ShellQuoting writes a carriage return as a command substitution (job scripts must not hold
        // a raw one); a command line may, and inside single quotes it is an ordinary character.
        if (arg.indexOf('\r') >= 0) return "'" + arg.replace("'", "'\\''") + "'";
        return ShellQuoting.quote(arg);
    }
}
