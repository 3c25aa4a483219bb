// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.util.Locale;

/**
 * Linux signal numbers and names. Names are given as DRMAA2 reports them: {@code SIGKILL}.
 */
public final class Signals {
    /** Hang-up. */
    public static final int SIGHUP = 1;
    /** Interrupt. */
    public static final int SIGINT = 2;
    /** Kill, cannot be caught. */
    public static final int SIGKILL = 9;
    /** Terminate. */
    public static final int SIGTERM = 15;
    /** Continue a stopped process. */
    public static final int SIGCONT = 18;
    /** Stop, cannot be caught. */
    public static final int SIGSTOP = 19;

    private static final String[] NAMES = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
        "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
        "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private Signals() {
    }

    /**
     * @param number a signal number
     * @return its name such as {@code SIGKILL}; {@code SIGRTMIN+n} or {@code SIG<n>} for others; null for 0 or less
     */
    public static String name(int number) {
        if (number <= 0) return null;
        if (number < NAMES.length) return "SIG" + NAMES[number];
        if (number >= 34 && number <= 64) return "SIGRTMIN+" + (number - 34);
        return "SIG" + number;
    }

    /**
     * @param name a signal name with or without {@code SIG}, any case, or a number
     * @return its number
     * @throws IllegalArgumentException if the name is not known
     */
    public static int number(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.chars().allMatch(Character::isDigit) && !n.isEmpty()) return Integer.parseInt(n);
        if (n.startsWith("SIG")) n = n.substring(3);
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(n)) return i;
        }
        if (n.startsWith("RTMIN+")) return 34 + Integer.parseInt(n.substring(6));
        throw new IllegalArgumentException("unknown signal " + name);
    }

    /**
     * Splits a shell-style exit code: 128+N means the process ended by signal N.
     *
     * @param shellStatus an exit code as a shell reports it
     * @return the signal name when the code is above 128 and a known signal, else null
     */
    public static String fromShellStatus(int shellStatus) {
        return shellStatus > 128 && shellStatus < 128 + 65 ? name(shellStatus - 128) : null;
    }
}
