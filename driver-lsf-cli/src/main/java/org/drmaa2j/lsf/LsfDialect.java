// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Version;

/**
 * What the LSF release in use understands. {@code bjobs/bqueues/bhosts -o … -json} and unit
 * suffixes in memory values ({@code -M 4096MB}) arrived in LSF 10.1.0.2 (Fix Pack 2); releases
 * from 9.1.1 get {@code bjobs -noheader -o "… delimiter='|'"} and plain numbers in the configured
 * unit; older ones, without {@code bjobs -o}, the {@code bjobs -w} table, with exit codes from {@code bhist}.
 *
 * @param version the release, such as major {@code 10} minor {@code 1.0.13}
 * @param format how bjobs is asked for its records
 * @param unitSuffixes true when memory values may carry a unit
 * @param unitForLimits the site's {@code LSF_UNIT_FOR_LIMITS} (KB, MB, GB, …), or null when unset; used only without unit suffixes
 */
record LsfDialect(Version version, Format format, boolean unitSuffixes, String unitForLimits) {
    private static final Pattern RELEASE = Pattern.compile("(?i)\\bLSF\\b[^0-9\\n]*?(\\d+(?:\\.\\d+)+)");

    /** How bjobs prints job records. */
    enum Format {
        /** {@code -o "…" -json}, LSF 10.1.0.2 and later. */
        JSON,
        /** {@code -noheader -o "… delimiter='|'"}, LSF 9.1.1 and later. */
        DELIMITED,
        /** {@code -w}, the default wide table of every release. */
        TABLE
    }

    /** The dialect of a current release (10.1.0.2 or later). */
    static final LsfDialect MODERN = new LsfDialect(new Version("10", "1.0.2"), Format.JSON, true, null);

    /**
     * @param lsidOutput what {@code lsid} (or {@code bjobs -V}) printed, such as
     *     {@code IBM Spectrum LSF Standard 10.1.0.13, Mar 10 2022}
     * @param formatOverride {@code json}, {@code delimited}, {@code table} or null to decide by release
     * @param unitForLimits the site's unit for limits, or null
     * @return the dialect; a release that cannot be read counts as current
     * @throws InvalidArgumentException naming the format property when its value is unknown
     */
    static LsfDialect detect(String lsidOutput, String formatOverride, String unitForLimits) {
        int[] parts = release(lsidOutput);
        Version v = parts == null ? new Version("unknown", "unknown")
                : new Version(Integer.toString(parts[0]), parts.length > 1 ? minor(parts) : "0");
        boolean modern = parts == null || atLeast(parts, 10, 1, 0, 2);
        Format format;
        if (formatOverride == null) {
            format = modern ? Format.JSON : atLeast(parts, 9, 1, 1) ? Format.DELIMITED : Format.TABLE;
        } else {
            try {
                format = Format.valueOf(formatOverride.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException(LsfProvider.FORMAT_PROPERTY,
                        "must be json, delimited or table (was '" + formatOverride + "')");
            }
        }
        return new LsfDialect(v, format, modern, unitForLimits == null ? null : unitForLimits.trim().toUpperCase(Locale.ROOT));
    }

    /** @return true for LSF 10.1.0.2 or later (or a release that could not be read) */
    boolean current() {
        return unitSuffixes;
    }

    /** @return true for {@code -json} output */
    boolean json() {
        return format == Format.JSON;
    }

    /**
     * @param text lsid or {@code bjobs -V} output
     * @return the release numbers, or null when none is found
     */
    static int[] release(String text) {
        if (text == null) return null;
        Matcher m = RELEASE.matcher(text);
        if (!m.find()) return null;
        String[] p = m.group(1).split("\\.");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = Integer.parseInt(p[i]);
        return out;
    }

    private static boolean atLeast(int[] have, int... want) {
        for (int i = 0; i < want.length; i++) {
            int h = i < have.length ? have[i] : 0;
            if (h != want[i]) return h > want[i];
        }
        return true;
    }

    private static String minor(int[] parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            if (i > 1) sb.append('.');
            sb.append(parts[i]);
        }
        return sb.toString();
    }
}
