package org.drmaa2j.spi.parse;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
            if (t.chars().allMatch(Character::isDigit)) return Instant.ofEpochSecond(Long.parseLong(t));
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (NumberFormatException | DateTimeException e) { // garbled, or beyond what an Instant holds
            return null;
        }
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
