// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;

/** Checks for values that go into a native specification, which libraries split on white space. */
final class NativeTokens {
    private NativeTokens() {
    }

    /**
     * @param field the template field, named in the error
     * @param value the value
     * @return the value, when it is one non-empty token without white space or quotes
     * @throws InvalidArgumentException naming the field otherwise
     */
    static String token(String field, String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
            throw new InvalidArgumentException(field, "'" + value + "' cannot be passed in a DRMAA native specification:"
                    + " it must be one word without white space or quotes");
        }
        return value;
    }

    /**
     * @param value the {@link Extensions#NATIVE_OPTIONS} text: options separated by white space or lines
     * @return its tokens
     */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.strip().split("\\s+")) {
            if (!s.isEmpty()) out.add(s);
        }
        for (String s : out) {
            if (s.indexOf('"') >= 0 || s.indexOf('\'') >= 0) {
                throw new InvalidArgumentException("extensions[" + Extensions.NATIVE_OPTIONS + "]",
                        "quotes are not understood in a DRMAA native specification: '" + s + "'");
            }
        }
        return out;
    }
}
