// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX {@code sh} quoting. A quoted value is one shell word whose value is exactly the input,
 * whatever it contains: quotes, {@code $}, backticks, newlines, non-ASCII text. Every
 * Bourne-style shell reads it the same way (dash, bash, ksh, zsh, busybox sh), so a script may
 * run under whatever {@code /bin/sh} the node has. Values are single-quoted; a run of carriage
 * returns is written as {@code "$(printf '\r')"} instead, because schedulers such as Slurm refuse
 * a script holding a raw {@code \r\n}, and bash's {@code $'\r'} is not POSIX (dash prints it
 * literally). A script never holds a raw carriage return.
 */
public final class ShellQuoting {
    private ShellQuoting() {
    }

    /**
     * @param value any text without NUL characters
     * @return the text in single quotes, each {@code '} written as {@code '\''}
     * @throws IllegalArgumentException if the text contains NUL, which no shell word can hold
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("a NUL character cannot be passed through a shell");
        if (!value.isEmpty() && value.chars().allMatch(ShellQuoting::isPlain)) return value;
        if (value.indexOf('\r') < 0) return singleQuoted(value);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int cr = value.indexOf('\r', i);
            if (cr < 0) cr = value.length();
            if (cr > i) sb.append(singleQuoted(value.substring(i, cr)));
            int end = cr;
            while (end < value.length() && value.charAt(end) == '\r') end++;
            if (end > cr) sb.append("\"$(printf '").append("\\r".repeat(end - cr)).append("')\"");
            i = end;
        }
        return sb.toString();
    }

    private static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * @param values words
     * @return each quoted, joined by spaces
     */
    public static String quoteAll(List<String> values) {
        return values.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    /**
     * Quotes a value in which a placeholder stands for a shell variable's run-time value, such as
     * {@code $DRMAA2_INDEX$} for the task index: the text around it is quoted, the placeholder
     * becomes {@code "$VARIABLE"}.
     *
     * @param value the value
     * @param placeholder the placeholder text
     * @param variable a shell variable name (letters, digits and _)
     * @return one shell word
     */
    public static String quoteWithVariable(String value, String placeholder, String variable) {
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a variable name: " + variable);
        if (!value.contains(placeholder)) return quote(value);
        StringBuilder sb = new StringBuilder();
        int from = 0;
        int at;
        while ((at = value.indexOf(placeholder, from)) >= 0) {
            if (at > from) sb.append(quote(value.substring(from, at)));
            sb.append("\"$").append(variable).append('"');
            from = at + placeholder.length();
        }
        if (from < value.length()) sb.append(quote(value.substring(from)));
        return sb.toString();
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == '/' || c == ',' || c == ':' || c == '=' || c == '+' || c == '@' || c == '%';
    }
}
