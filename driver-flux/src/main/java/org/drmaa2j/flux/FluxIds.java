// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flux job ids (RFC 19). The driver's job ids are the F58 form with the ASCII prefix {@code f},
 * as Flux prints them under {@code FLUX_F58_FORCE_ASCII=1}, for example {@code fC6RdJf}; every
 * Flux command accepts that form. The codec reads any form Flux prints: F58 with {@code ƒ}
 * (U+0192) or {@code f}, and decimal.
 */
final class FluxIds {
    /** The F58 alphabet: base58 without 0, O, I and l. */
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final char UNICODE_PREFIX = '\u0192';

    private FluxIds() {
    }

    /**
     * @param id a job id as a 64-bit unsigned number
     * @return its F58 form with the ASCII prefix, such as {@code fC6RdJf}
     */
    static String toF58(long id) {
        // at most 11 digits for 64 bits, written from the end, after the prefix
        char[] out = new char[12];
        int at = out.length;
        long n = id;
        do {
            out[--at] = ALPHABET.charAt((int) Long.remainderUnsigned(n, 58));
            n = Long.divideUnsigned(n, 58);
        } while (n != 0);
        out[--at] = 'f';
        return new String(out, at, out.length - at);
    }

    /**
     * @param text a job id in F58 ({@code ƒ…} or {@code f…}) or decimal form
     * @return the number
     * @throws IllegalArgumentException if the text is no job id
     */
    static long parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty job id");
        char first = t.charAt(0);
        if (first == UNICODE_PREFIX || first == 'f') {
            String digits = t.substring(1);
            if (digits.isEmpty() || digits.length() > 11) throw new IllegalArgumentException("not a job id: " + text);
            long n = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = ALPHABET.indexOf(digits.charAt(i));
                if (d < 0) throw new IllegalArgumentException("not a job id: " + text);
                if (Long.compareUnsigned(n, Long.divideUnsigned(-1L - d, 58)) > 0) {
                    throw new IllegalArgumentException("job id out of range: " + text);
                }
                n = n * 58 + d;
            }
            return n;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseUnsignedLong(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("job id out of range: " + text, e);
            }
        }
        throw new IllegalArgumentException("not a job id: " + text);
    }

    /**
     * @param text a job id in any form Flux prints
     * @return the driver's form ({@code f…}), or empty when the text is no job id
     */
    static Optional<String> normalise(String text) {
        try {
            return Optional.of(toF58(parse(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param stdout what {@code flux submit} printed: one id per line (several with {@code --cc})
     * @return the ids in the driver's form, in the order printed; lines that are no id are skipped
     */
    static List<String> submitted(String stdout) {
        List<String> ids = new ArrayList<>();
        for (String line : stdout.split("\r?\n")) {
            normalise(line).ifPresent(ids::add);
        }
        return ids;
    }
}
