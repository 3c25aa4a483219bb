// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.Timeouts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as seconds ({@code 90}), with a unit ({@code 90s}, {@code 10m}, {@code 2h},
 * {@code 1d}), as a clock ({@code MM:SS}, {@code HH:MM:SS}, {@code D-HH:MM:SS}), in ISO-8601
 * ({@code PT1H30M}), or as {@code infinite}.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern UNIT = Pattern.compile("(\\d+)([smhd]?)");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+)-)?(?:(\\d+):)?(\\d+):(\\d+)");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("infinite") || v.equals("inf")) return Timeouts.INFINITE;
        Matcher m = UNIT.matcher(v);
        if (m.matches()) {
            long n = parse(m.group(1), value);
            switch (m.group(2)) {
                case "m": return Duration.ofMinutes(n);
                case "h": return Duration.ofHours(n);
                case "d": return Duration.ofDays(n);
                default: return Duration.ofSeconds(n);
            }
        }
        m = CLOCK.matcher(v);
        if (m.matches()) {
            long days = m.group(1) == null ? 0 : parse(m.group(1), value);
            long hours = m.group(2) == null ? 0 : parse(m.group(2), value);
            if (m.group(1) != null && m.group(2) == null) {
                throw new TypeConversionException("'" + value + "' is not a duration: D-HH:MM:SS needs the hours");
            }
            return Duration.ofDays(days).plusHours(hours).plusMinutes(parse(m.group(3), value))
                    .plusSeconds(parse(m.group(4), value));
        }
        if (v.startsWith("p")) {
            try {
                Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                if (!d.isNegative()) return d;
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new TypeConversionException("'" + value + "' is not a duration; use seconds (90), a unit (10m, 2h, 1d), "
                + "a clock (HH:MM:SS) or ISO-8601 (PT1H)");
    }

    private static long parse(String digits, String value) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
    }
}
