// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Map<String, DayOfWeek> DAYS = new HashMap<>();
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        // the very names CTIME reads, so the fast path accepts nothing the formatter would not
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE", Locale.ROOT);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) DAYS.put(day.format(LocalDate.of(2024, 1, 1).with(d)), d);
        for (Month m : Month.values()) MONTHS.put(month.format(LocalDate.of(2024, m, 1)), m);
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
     * large qstat's parse.
     *
     * @param t trimmed text
     * @return the date-time, or null when the text is anything else (the formatter decides then)
     */
    private static LocalDateTime plainCtime(String t) {
        String[] f = new String[5];
        int n = 0;
        int i = 0;
        while (i < t.length()) {
            int start = i;
            while (i < t.length() && !isSpace(t.charAt(i))) i++;
            if (n == f.length) return null;
            f[n++] = t.substring(start, i);
            while (i < t.length() && isSpace(t.charAt(i))) i++;
        }
        if (n != 5 || f[2].length() > 2 || f[3].length() != 8 || f[3].charAt(2) != ':' || f[3].charAt(5) != ':'
                || f[4].length() != 4) {
            return null;
        }
        DayOfWeek dow = DAYS.get(f[0]);
        Month month = MONTHS.get(f[1]);
        int day = digits(f[2], 0, f[2].length());
        int hour = digits(f[3], 0, 2);
        int minute = digits(f[3], 3, 5);
        int second = digits(f[3], 6, 8);
        int year = digits(f[4], 0, 4);
        if (dow == null || month == null || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || year < 1 || day > month.length(java.time.Year.isLeap(year))) {
            return null;
        }
        LocalDateTime dt = LocalDateTime.of(year, month, day, hour, minute, second);
        return dt.getDayOfWeek() == dow ? dt : null;
    }

    /** @return true for the characters of the regular expression {@code \s} */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** @return the ASCII digits from {@code from} to {@code to} as a number, or -1 */
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
