package org.drmaa2j.pbs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The times PBS prints: {@code ctime(3)} text such as {@code Tue Apr  9 15:01:47 2013}, in the
 * time zone of the host where qstat ran (the driver property {@value #ZONE_PROPERTY}, default the
 * local zone), or epoch seconds (Torque XML, PBS {@code timestamp} fields).
 */
final class PbsTimes {
    /** Driver property: the cluster's time zone, for the times qstat prints as text. */
    static final String ZONE_PROPERTY = "drmaa2j.pbs.timeZone";
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private PbsTimes() {
    }

    /**
     * @param text a time as qstat prints it, or null
     * @param zone the zone of text times
     * @return the instant, or null when absent or unreadable
     */
    static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim().replaceAll("\\s+", " ");
        if (t.chars().allMatch(Character::isDigit)) {
            long v = Long.parseLong(t);
            return v <= 0 ? null : Instant.ofEpochSecond(v);
        }
        try {
            return LocalDateTime.parse(t, CTIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
