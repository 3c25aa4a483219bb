// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

/**
 * Which unquoted JSON values {@link LenientJson} reads as numbers: a whole number
 * {@code -?(0|[1-9][0-9]{0,17})} or a decimal {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?};
 * anything else ({@code 005}, {@code 1.2.3}) stays text. Checked by hand: a regular expression per
 * value cost a large share of a big qstat's parse.
 */
final class BareNumbers {
    private BareNumbers() {
    }

    /** @return true when the text is a whole number of at most 18 digits without leading zeros */
    static boolean isLong(String t) {
        int k = t.startsWith("-") ? 1 : 0;
        int digits = t.length() - k;
        if (digits < 1 || digits > 18) return false;
        if (t.charAt(k) == '0') return digits == 1;
        return allDigits(t, k, t.length());
    }

    /** @return true when the text is a number with optional fraction and exponent, without leading zeros */
    static boolean isDouble(String t) {
        int n = t.length();
        int k = t.startsWith("-") ? 1 : 0;
        if (k >= n) return false;
        if (t.charAt(k) == '0') {
            k++;
        } else {
            int start = k;
            while (k < n && isDigit(t.charAt(k))) k++;
            if (k == start) return false;
        }
        if (k < n && t.charAt(k) == '.') {
            int start = ++k;
            while (k < n && isDigit(t.charAt(k))) k++;
            if (k == start) return false;
        }
        if (k < n && (t.charAt(k) == 'e' || t.charAt(k) == 'E')) {
            k++;
            if (k < n && (t.charAt(k) == '+' || t.charAt(k) == '-')) k++;
            int start = k;
            while (k < n && isDigit(t.charAt(k))) k++;
            if (k == start) return false;
        }
        return k == n;
    }

    /**
     * @param t the trimmed text of an unquoted value
     * @return what {@code String.valueOf} gives for the value {@link LenientJson} reads from it: the
     *     text itself for text, booleans and most whole numbers
     */
    static String asText(String t) {
        if (isLong(t)) return t.equals("-0") ? "0" : t;
        if (isDouble(t)) {
            try {
                return Double.toString(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    private static boolean allDigits(String t, int from, int to) {
        for (int j = from; j < to; j++) {
            if (!isDigit(t.charAt(j))) return false;
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
