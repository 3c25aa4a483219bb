// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.support;

/**
 * The only shell text the TCK runs, each a fixed {@code /bin/sh -c} script; every value a test
 * varies is passed as a positional argument or an environment variable, never spliced into the text.
 */
public final class JobScripts {
    /** The shell every script runs in. */
    public static final String SH = "/bin/sh";
    /** {@code $0} of every script. */
    public static final String ARG0 = "sh";
    /** Writes its arguments after the first, each followed by a NUL byte, into the file named by the first. */
    public static final String WRITE_ARGV = "f=$1; shift; for a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$f\"";
    /** Writes the values of the variables named by its arguments after the first, NUL-terminated, into the file named by the first. */
    public static final String WRITE_ENV = "f=$1; shift; for n in \"$@\"; do eval \"v=\\${$n-}\"; printf '%s\\0' \"$v\"; done > \"$f\"";
    /** Writes its second argument into the file named by the first (relative names resolve in the working directory). */
    public static final String WRITE_TEXT = "printf '%s' \"$2\" > \"$1\"";
    /** Exits with the status given as its argument. */
    public static final String EXIT = "exit \"$1\"";
    /** Kills itself with the signal named by its argument. */
    public static final String KILL_SELF = "kill -s \"$1\" $$; sleep 5";
    /** Prints its first argument on standard output and its second on standard error. */
    public static final String OUT_AND_ERR = "printf '%s' \"$1\"; printf '%s' \"$2\" >&2";
    /** Copies standard input to standard output, then prints its first argument on standard output and its second on standard error. */
    public static final String IN_OUT_AND_ERR = "cat; printf '%s' \"$1\"; printf '%s' \"$2\" >&2";
    /** Writes the physical working directory and the physical home directory, one per line, into the file named by its argument. */
    public static final String WRITE_PWD_AND_HOME = "p=$(pwd -P); h=$(cd \"$HOME\" && pwd -P); printf '%s\\n%s\\n' \"$p\" \"$h\" > \"$1\"";
    /** Writes the physical working directory into the file named by its argument. */
    public static final String WRITE_PWD = "pwd -P > \"$1\"";
    /** Writes, for each argument after the first, the physical directory it names (or {@code ?}), then the physical home directory, one per line, into the file named by the first. */
    public static final String WRITE_PHYSICAL_DIRS = "f=$1; shift; for d in \"$@\"; do (cd \"$d\" 2>/dev/null && pwd -P) || echo '?'; done > \"$f\"; "
            + "(cd \"$HOME\" && pwd -P) >> \"$f\"";
    /** Creates the directories named by its arguments. */
    public static final String MKDIRS = "mkdir -p -- \"$@\"";
    /** Creates the directory named by its argument. */
    public static final String MKDIR = "mkdir -p -- \"$1\"";
    /** Appends a line to the file named by its first argument every second, as many times as its second argument says. */
    public static final String TICK = "i=0; while [ $i -lt \"$2\" ]; do echo $i >> \"$1\"; i=$((i + 1)); sleep 1; done";

    /** Waits until the path named by its first argument exists (at most 900 s), then exits with the status given as its second. */
    public static final String WAIT_FOR_THEN_EXIT = "i=0; while [ ! -e \"$1\" ] && [ $i -lt 900 ]; do sleep 1; i=$((i + 1)); done; exit \"$2\"";

    private JobScripts() {
    }
}
