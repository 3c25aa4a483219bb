// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.util.Objects;

/**
 * A version as DRMAA2 reports it: a major and a minor part, both strings.
 *
 * @param major the major part, for example {@code "22"}
 * @param minor the minor part, for example {@code "05.8"}
 */
public record Version(String major, String minor) {
    /**
     * Checks both parts are present.
     *
     * @param major the major part, for example {@code "22"}
     * @param minor the minor part, for example {@code "05.8"}
     */
    public Version {
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
    }

    /**
     * @param text a dotted version such as {@code "22.05.8"}; everything after the first dot is the minor part
     * @return the parsed version; {@code "unknown"} parts when the text is empty
     */
    public static Version parse(String text) {
        if (text == null || text.isBlank()) return new Version("unknown", "unknown");
        String t = text.trim();
        int dot = t.indexOf('.');
        return dot < 0 ? new Version(t, "0") : new Version(t.substring(0, dot), t.substring(dot + 1));
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
