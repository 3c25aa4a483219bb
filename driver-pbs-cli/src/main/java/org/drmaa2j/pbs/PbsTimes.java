// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.drmaa2j.spi.parse.SchedulerTimes;

/**
 * The times PBS prints: {@code ctime(3)} text such as {@code Tue Apr  9 15:01:47 2013}, in the
 * time zone of the host where qstat ran (the driver property {@value #ZONE_PROPERTY}, default the
 * local zone), or epoch seconds (Torque XML, PBS {@code timestamp} fields).
 */
final class PbsTimes {
    /** Driver property: the cluster's time zone, for the times qstat prints as text. */
    static final String ZONE_PROPERTY = "drmaa2j.pbs.timeZone";
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The very names CTIME reads, by {@code DayOfWeek} and {@code Month} ordinal, so the fast path accepts nothing the formatter would not. */
    private static final String[] DAY_NAMES = new String[7];
    private static final String[] MONTH_NAMES = new String[12];

    static {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE", Locale.ROOT);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) DAY_NAMES[d.ordinal()] = day.format(LocalDate.of(2024, 1, 1).with(d));
        for (Month m : Month.values()) MONTH_NAMES[m.ordinal()] = month.format(LocalDate.of(2024, m, 1));
    }

    private PbsTimes() {
    }

    /**
     * @param text a time as qstat prints it, or null
     * @param zone the zone of text times
     * @return the instant, or null when absent or unreadable
     */
    static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) return null;
        String trimmed = text.trim();
        if (allDigits(trimmed)) {
            long v = Long.parseLong(trimmed);
            return v <= 0 ? null : Instant.ofEpochSecond(v);
        }
        if (zone instanceof ZoneOffset offset) {
            long epoch = fixedCtime(trimmed, offset);
            if (epoch != Long.MIN_VALUE) return Instant.ofEpochSecond(epoch);
        }
        LocalDateTime plain = plainCtime(trimmed);
        if (plain != null) return plain.atZone(zone).toInstant();
        String t = SPACES.matcher(trimmed).replaceAll(" ");
        try {
            return LocalDateTime.parse(t, CTIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
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
     * The common, valid {@code Tue Apr  9 15:01:47 2013} without the formatter, which costs most of a
     * large qstat's parse, and without cutting the text into pieces.
     *
     * @param t trimmed text
     * @return the date-time, or null when the text is anything else (the formatter decides then)
     */
    private static LocalDateTime plainCtime(String t) {
        int[] from = new int[5];
        int[] to = new int[5];
        int n = 0;
        int i = 0;
        while (i < t.length()) {
            if (n == from.length) return null;
            from[n] = i;
            while (i < t.length() && !isSpace(t.charAt(i))) i++;
            to[n++] = i;
            while (i < t.length() && isSpace(t.charAt(i))) i++;
        }
        if (n != 5 || to[2] - from[2] > 2 || to[3] - from[3] != 8 || t.charAt(from[3] + 2) != ':'
                || t.charAt(from[3] + 5) != ':' || to[4] - from[4] != 4) {
            return null;
        }
        DayOfWeek dow = name(DAY_NAMES, DayOfWeek.values(), t, from[0], to[0]);
        Month month = name(MONTH_NAMES, Month.values(), t, from[1], to[1]);
        int day = digits(t, from[2], to[2]);
        int hour = digits(t, from[3], from[3] + 2);
        int minute = digits(t, from[3] + 3, from[3] + 5);
        int second = digits(t, from[3] + 6, from[3] + 8);
        int year = digits(t, from[4], to[4]);
        if (dow == null || month == null || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || year < 1 || day > month.length(java.time.Year.isLeap(year))) {
            return null;
        }
        LocalDateTime dt = LocalDateTime.of(year, month, day, hour, minute, second);
        return dt.getDayOfWeek() == dow ? dt : null;
    }

    /**
     * The {@code ctime(3)} layout itself, {@code Www Mmm dd hh:mm:ss yyyy} with the day padded by a
     * space, read at its fixed places: what {@link #plainCtime} gives for it, without finding the
     * words first or building the date.
     *
     * @param t trimmed text
     * @param offset the zone, a fixed offset
     * @return the epoch second, or {@link Long#MIN_VALUE} when the text is anything else
     */
    private static long fixedCtime(String t, ZoneOffset offset) {
        if (t.length() != 24 || t.charAt(3) != ' ' || t.charAt(7) != ' ' || t.charAt(10) != ' ' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != ' ') {
            return Long.MIN_VALUE;
        }
        int day = t.charAt(8) == ' ' ? digits(t, 9, 10) : digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int year = digits(t, 20, 24);
        int dow = index(DAY_NAMES, t, 0);
        int month = index(MONTH_NAMES, t, 4) + 1;
        if (dow < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || year < 1 || day > Month.of(month).length(java.time.Year.isLeap(year))) {
            return Long.MIN_VALUE;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        if (Math.floorMod(epochDay + 3, 7) != dow) return Long.MIN_VALUE; // 1970-01-01 was a Thursday
        return epochDay * 86_400 + hour * 3600 + minute * 60 + second - offset.getTotalSeconds();
    }

    /** @return the index of the three-letter name at {@code from}, or -1 */
    private static int index(String[] names, String t, int from) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].length() == 3 && t.regionMatches(from, names[k], 0, 3)) return k;
        }
        return -1;
    }

    /** @return the value whose name is the text from {@code from} to {@code to}, or null */
    private static <T> T name(String[] names, T[] values, String t, int from, int to) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].length() == to - from && t.regionMatches(from, names[k], 0, to - from)) return values[k];
        }
        return null;
    }

    /**
     * @param text a duration as PBS prints it ({@code 01:02:03}), or null
     * @return it; the plain {@code H:MM:SS} read here, anything else as {@link SchedulerTimes#duration} reads it
     */
    static Duration duration(String text) {
        if (text != null) {
            int c1 = text.indexOf(':');
            int c2 = c1 < 0 ? -1 : text.indexOf(':', c1 + 1);
            if (c1 > 0 && c1 <= 9 && c2 == c1 + 3 && text.length() == c2 + 3) {
                int h = digits(text, 0, c1);
                int m = digits(text, c1 + 1, c2);
                int sec = digits(text, c2 + 1, text.length());
                if (h >= 0 && m >= 0 && sec >= 0) return Duration.ofSeconds(h * 3600L + m * 60L + sec);
            }
        }
        return SchedulerTimes.duration(text);
    }

    /** @return true for the characters of the regular expression {@code \s} */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** @return the ASCII digits of {@code t} from {@code from} to {@code to} as a number, or -1 */
    private static int digits(String t, int from, int to) {
        if (from >= to) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
