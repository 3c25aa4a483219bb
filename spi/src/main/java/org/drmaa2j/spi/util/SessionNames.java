// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.drmaa2j.InvalidArgumentException;

/** Rules for session names, which become directory names in the session store. */
public final class SessionNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionNames() {
    }

    /**
     * @param name a session name
     * @return the name
     * @throws InvalidArgumentException naming {@code sessionName} if it is not letters, digits, {@code . _ -}
     */
    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidArgumentException("sessionName", "'" + name + "' must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.' or '-'");
        }
        return name;
    }

    /** @return a new unique name such as {@code session-20261121-7f3a9c2e1b} */
    public static String generate() {
        return "session-" + Long.toString(System.currentTimeMillis(), 36) + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }
}
