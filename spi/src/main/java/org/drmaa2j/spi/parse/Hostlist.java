// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands the compressed host lists schedulers print, such as
 * {@code nid0[0099,0156-0157],login1} (zero padding kept).
 */
public final class Hostlist {
    private Hostlist() {
    }

    /**
     * @param text a host list; blank or a "none" word gives an empty list
     * @return every host name, in order
     */
    public static List<String> expand(String text) {
        List<String> out = new ArrayList<>();
        if (SchedulerTimes.isNone(text) || text.trim().startsWith("(") || text.equalsIgnoreCase("None assigned")) return out;
        for (String item : splitTopLevel(text.trim())) {
            int open = item.indexOf('[');
            int close = item.indexOf(']', open + 1);
            if (open < 0 || close < 0) {
                out.add(item);
                continue;
            }
            String prefix = item.substring(0, open);
            String suffix = item.substring(close + 1);
            for (String range : item.substring(open + 1, close).split(",")) {
                int dash = range.indexOf('-');
                if (dash < 0) {
                    out.add(prefix + range + suffix);
                    continue;
                }
                String lo = range.substring(0, dash);
                String hi = range.substring(dash + 1);
                try {
                    long a = Long.parseLong(lo);
                    long b = Long.parseLong(hi);
                    for (long i = a; i <= b && out.size() < 1_000_000; i++) {
                        out.add(prefix + zeroPadded(i, lo.length()) + suffix);
                    }
                } catch (NumberFormatException e) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    /** {@code String.format("%0<width>d", n)} without the formatter, which costs most of a large squeue's parse. */
    private static String zeroPadded(long n, int width) {
        String digits = Long.toString(n);
        if (digits.length() >= width) return digits;
        return "0".repeat(width - digits.length()) + digits;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0) {
                if (i > start) parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length()) parts.add(s.substring(start));
        return parts;
    }
}
