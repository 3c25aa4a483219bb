// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tells, from its length and its first, middle and last characters, that a JSON key cannot name
 * any of a few wanted attributes, so that a reader steps over it without making a String of it.
 *
 * <p>A key {@code k} read inside an object whose dotted prefix is {@code p} (empty, or ending in a
 * dot) names the wanted name {@code w} when {@code (p + k).toLowerCase(Locale.ROOT)} equals
 * {@code w}, and an object on the way to it when it names {@code w}'s part before one of its dots.
 * For wanted names of ASCII characters only, lower-casing keeps such a key's length and lower-cases
 * it character by character (the characters whose lower case is longer, or depends on their
 * neighbours, give non-ASCII text, which no wanted name holds), so {@code k} lower-cased is a run
 * of {@code w} that starts at its start or after a dot and ends at its end or before a dot. This
 * class keeps the length and the three characters of every such run; a key whose first, middle
 * or last character is not ASCII is always taken as one that may name something.
 */
final class KeyShapes {
    /** The shapes, each plus one (0 marks a free slot), by hash; null when every key may name something. */
    private final long[] table;

    private KeyShapes(long[] table) {
        this.table = table;
    }

    /**
     * @param names lower-case dotted names
     * @return the shapes of every run of them between dots (and their starts and ends)
     */
    static KeyShapes of(Collection<String> names) {
        List<String> parts = new ArrayList<>();
        for (String w : names) {
            for (int k = 0; k < w.length(); k++) {
                if (w.charAt(k) >= 0x80) return new KeyShapes(null);
            }
            // every run of the name from its start or a dot's next character to its end or a dot
            for (int from = 0; from >= 0; from = next(w, from)) {
                for (int to = w.indexOf('.', from); to >= 0; to = w.indexOf('.', to + 1)) parts.add(w.substring(from, to));
                parts.add(w.substring(from));
            }
        }
        int size = Integer.highestOneBit(Math.max(8, parts.size() * 4) - 1) << 1;
        long[] table = new long[size];
        for (String part : parts) {
            long shape = shape(part, 0, part.length());
            int at = slot(shape, size);
            while (table[at] != 0 && table[at] != shape + 1) at = (at + 1) & (size - 1);
            table[at] = shape + 1;
        }
        return new KeyShapes(table);
    }

    /**
     * @param s the text
     * @param from the key's first character
     * @param to the index after its last
     * @return false only when the key, lower-cased, is none of the parts
     */
    boolean mayName(String s, int from, int to) {
        if (table == null) return true;
        long shape = shape(s, from, to);
        if (shape < 0) return true;
        int size = table.length;
        for (int at = slot(shape, size); table[at] != 0; at = (at + 1) & (size - 1)) {
            if (table[at] == shape + 1) return true;
        }
        return false;
    }

    /** @return the length and the lower-cased first, middle and last characters, or -1 when one is not ASCII */
    private static long shape(String s, int from, int to) {
        int len = to - from;
        if (len == 0) return 0;
        int first = lower(s.charAt(from));
        int middle = lower(s.charAt(from + len / 2));
        int last = lower(s.charAt(to - 1));
        if ((first | middle | last) >= 0x80) return -1;
        return ((long) len << 21) | (first << 14) | (middle << 7) | last;
    }

    /** @return the index after the next dot at or after {@code from}, or -1 */
    private static int next(String w, int from) {
        int dot = w.indexOf('.', from);
        return dot < 0 ? -1 : dot + 1;
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static int slot(long shape, int size) {
        long h = shape * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (size - 1);
    }
}
