// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.parse;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the time and duration formats scheduler commands print. */
public final class SchedulerTimes {
    private SchedulerTimes() {
    }

    /**
     * @param text epoch seconds, or an ISO local date-time such as {@code 2023-10-11T11:08:17}
     *     read in {@code zone}; {@code Unknown}, {@code None}, {@code N/A}, {@code 0} and blank mean none
     * @param zone the scheduler's time zone for local date-times
     * @return the instant, or null when the text says there is none
     */
    public static Instant instant(String text, ZoneId zone) {
        if (isNone(text) || text.equals("0")) return null;
        String t = text.trim();
        try {
            if (allDigits(t)) return Instant.ofEpochSecond(Long.parseLong(t));
            LocalDateTime plain = plainLocalDateTime(t);
            return (plain != null ? plain : LocalDateTime.parse(t)).atZone(zone).toInstant();
        } catch (NumberFormatException | DateTimeException e) { // garbled, or beyond what an Instant holds
            return null;
        }
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) return false;
        }
        return true;
    }

    /**
     * The common {@code yyyy-MM-ddTHH:mm:ss} without the formatter, which costs most of a large
     * squeue's parse; values out of range are refused as {@code LocalDateTime.parse} refuses them.
     *
     * @return the date-time, or null when the text has another shape (the caller parses it then)
     */
    private static LocalDateTime plainLocalDateTime(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) return null;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), t, 0, e);
        }
    }

    /** @return the ASCII digits from {@code from} to {@code to} as a number, or -1 */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * @param text a Slurm/PBS duration: {@code [D-]HH:MM:SS}, {@code MM:SS}, {@code MM:SS.mmm}, or
     *     seconds; {@code UNLIMITED}, {@code INVALID}, {@code NOT_SET}, {@code N/A} mean none
     * @return the duration, or null
     */
    public static Duration duration(String text) {
        if (isNone(text)) return null;
        String t = text.trim();
        String u = t.toUpperCase(Locale.ROOT);
        if (u.equals("UNLIMITED") || u.equals("INVALID") || u.equals("NOT_SET") || u.equals("PARTITION_LIMIT")) return null;
        try {
            long days = 0;
            int dash = t.indexOf('-');
            if (dash > 0) {
                days = Long.parseLong(t.substring(0, dash));
                t = t.substring(dash + 1);
            }
            String[] p = t.split(":");
            double seconds = 0;
            for (String part : p) seconds = seconds * 60 + Double.parseDouble(part);
            if (dash > 0 && p.length == 1) seconds *= 3600; // D-HH
            if (dash > 0 && p.length == 2) seconds *= 60; // D-HH:MM
            return Duration.ofDays(days).plusMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param text command output for a value
     * @return true when it means "no value"
     */
    public static boolean isNone(String text) {
        if (text == null) return true;
        String t = text.trim();
        return t.isEmpty() || t.equalsIgnoreCase("Unknown") || t.equalsIgnoreCase("None") || t.equalsIgnoreCase("N/A")
                || t.equalsIgnoreCase("(null)") || t.equals("--") || t.equals("-");
    }
}
