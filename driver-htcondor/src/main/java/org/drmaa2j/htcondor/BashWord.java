// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.nio.charset.StandardCharsets;

/**
 * One bash word in ANSI-C form, {@code $'…'}, whose text is printable ASCII only. This is bash
 * quoting, not POSIX sh quoting, and it is used in one place: the {@code arguments} of a submit
 * description whose {@code executable} is {@code /bin/bash} (set by {@link CondorSubmitCommand},
 * which refuses native options that would change the executable or its arguments), so the shell
 * that reads the word is always bash. The job script inside the word is quoted for POSIX sh by
 * the kit's renderer, which bash reads the same way.
 */
final class BashWord {
    private BashWord() {
    }

    /**
     * A line break is {@code \n}, a carriage return {@code \r}, a tab {@code \t}, and every other
     * control character, every byte of a non-ASCII character (UTF-8) and each of
     * {@code \ ' " $ `} is {@code \xHH}. Such a word survives one line of a submit description,
     * which cannot carry line breaks, and {@code eval $'…'} of a whole script runs that script.
     *
     * @param value any text without NUL characters
     * @return the bash word
     * @throws IllegalArgumentException if the text contains NUL, which no shell word can hold
     */
    static String ansiC(String value) {
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("a NUL character cannot be passed through a shell");
        StringBuilder sb = new StringBuilder(value.length() + 16).append("$'");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\', '\'', '"', '$', '`' -> hex(sb, c);
                default -> {
                    if (c < 0x20 || c >= 0x7f) hex(sb, c);
                    else sb.append((char) c);
                }
            }
        }
        return sb.append('\'').toString();
    }

    private static void hex(StringBuilder sb, int c) {
        sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
    }
}
