// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Shell quoting. A quoted value is one shell word whose value is exactly the input, whatever it
 * contains: quotes, {@code $}, backticks, newlines, non-ASCII text. Values are single-quoted (POSIX);
 * a carriage return is written as bash's {@code $'\r'} instead, because schedulers such as Slurm
 * refuse a script holding a raw {@code \r\n} — so job scripts are bash scripts.
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
        if (value.indexOf('\r') >= 0) {
            StringBuilder sb = new StringBuilder();
            String[] parts = value.split("\r", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) sb.append("$'\\r'");
                if (!parts[i].isEmpty()) sb.append(singleQuoted(parts[i]));
            }
            return sb.toString();
        }
        return singleQuoted(value);
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
