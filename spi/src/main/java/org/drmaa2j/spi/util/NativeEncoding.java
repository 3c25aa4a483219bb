// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.drmaa2j.InvalidArgumentException;

/**
 * The encoding in which this JVM names files and passes arguments and environment to processes it
 * starts through the JDK ({@code sun.jnu.encoding}). It follows the locale the JVM started in and
 * cannot be changed afterwards: without a UTF-8 locale (plain {@code docker exec}, cron, many login
 * shells) it is ASCII, and the JDK turns every other character of a file name or argument into
 * {@code ?}. Code that must hand such text to the operating system either passes UTF-8 bytes itself
 * (the kit's command runner does, through {@code posix_spawn}) or refuses the value with
 * {@link #requirePassable}.
 */
public final class NativeEncoding {
    private static final Charset CHARSET = detect();

    private NativeEncoding() {
    }

    /** @return the JVM's file-name and argument encoding */
    public static Charset charset() {
        return CHARSET;
    }

    /**
     * @param text a file name, argument or environment value
     * @return true when the JDK passes it to the operating system unchanged
     */
    public static boolean canPass(String text) {
        return canPass(CHARSET, text);
    }

    static boolean canPass(Charset charset, String text) {
        return text == null || charset.equals(StandardCharsets.UTF_8) || charset.newEncoder().canEncode(text);
    }

    /**
     * @param field the template field the value came from, for the exception
     * @param text the value
     * @throws InvalidArgumentException naming the field when the JDK would change the value
     */
    public static void requirePassable(String field, String text) {
        requirePassable(CHARSET, field, text);
    }

    static void requirePassable(Charset charset, String field, String text) {
        if (!canPass(charset, text)) {
            throw new InvalidArgumentException(field, "this JVM names files and passes arguments in " + charset
                    + " (it was started without a UTF-8 locale), which cannot carry this value unchanged; "
                    + "start the JVM with a UTF-8 locale, for example LANG=C.UTF-8");
        }
    }

    private static Charset detect() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.US_ASCII;
        }
    }
}
