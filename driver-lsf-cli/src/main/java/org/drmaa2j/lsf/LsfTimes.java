// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.spi.parse.SchedulerTimes;

/**
 * Reads the times LSF prints: {@code Feb  2 00:46} (bjobs -o), with a trailing flag such as
 * {@code L} or {@code E} for limits and estimates, {@code Feb  2 00:46:12} (-hms),
 * {@code Wed Jun 16 14:52:17} (bhist, bacct), each optionally with the year
 * ({@code LSB_DISPLAY_YEAR=Y}). Without a year the most recent such date not after tomorrow is
 * taken; times are in the cluster's time zone.
 */
final class LsfTimes {
    private static final Pattern TIME = Pattern.compile(
            "^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+)?([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s+(\\d{4}))?(?:\\s+[A-Z])?\\s*$");
    private static final Pattern SECONDS = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*second");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), m);
    }

    private final ZoneId zone;
    private final Clock clock;

    LsfTimes(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * @param text an LSF time; {@code -} and blank mean none
     * @return the instant, or null when there is none or it cannot be read
     */
    Instant instant(String text) {
        if (SchedulerTimes.isNone(text)) return null;
        Matcher m = TIME.matcher(text.trim());
        if (!m.matches()) return null;
        Month month = MONTHS.get(m.group(1));
        if (month == null) return null;
        int day = Integer.parseInt(m.group(2));
        int hour = Integer.parseInt(m.group(3));
        int minute = Integer.parseInt(m.group(4));
        int second = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        int year = m.group(6) != null ? Integer.parseInt(m.group(6)) : now.getYear();
        try {
            ZonedDateTime t = LocalDateTime.of(year, month, Math.min(day, month.length(year % 4 == 0)), hour, minute, second).atZone(zone);
            if (m.group(6) == null && t.isAfter(now.plusDays(1))) {
                t = LocalDateTime.of(year - 1, month, Math.min(day, month.length((year - 1) % 4 == 0)), hour, minute, second).atZone(zone);
            }
            return t.toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * @param text an LSF duration: {@code 12 second(s)}, {@code 0.5 second(s)} or {@code HH:MM:SS}
     * @return the duration, or null
     */
    static Duration duration(String text) {
        if (SchedulerTimes.isNone(text)) return null;
        Matcher m = SECONDS.matcher(text.trim());
        if (m.find()) return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000));
        return SchedulerTimes.duration(text);
    }
}
