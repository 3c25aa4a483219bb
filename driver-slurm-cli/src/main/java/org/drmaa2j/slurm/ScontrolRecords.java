// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code Key=Value} records that {@code scontrol show <entity>} prints, one line each with
 * {@code --oneliner} or spread over indented lines. Values may contain spaces (job names do): a value
 * runs until the next {@code Key=}. A value may itself contain {@code =} ({@code TRES=cpu=2}).
 */
final class ScontrolRecords {
    private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Za-z][A-Za-z/:_]*)=");

    private ScontrolRecords() {
    }

    /**
     * @param text the output for one record
     * @return its fields in order; a key that occurs again keeps its first value
     */
    static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] p : pairs(text)) out.putIfAbsent(p[0], p[1]);
        return out;
    }

    /**
     * @param text the output for one record
     * @param key a key that may occur several times
     * @return every value of that key, in order
     */
    static List<String> all(String text, String key) {
        List<String> out = new ArrayList<>();
        for (String[] p : pairs(text)) if (p[0].equals(key)) out.add(p[1]);
        return out;
    }

    /**
     * @param text the output for several records
     * @param firstKey the key that opens each record, such as {@code ReservationName}
     * @return the text of each record
     */
    static List<String> split(String text, String firstKey) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(firstKey + "=")) {
                if (current != null) out.add(current.toString());
                current = new StringBuilder();
            }
            if (current != null && !line.isBlank()) current.append(line).append('\n');
        }
        if (current != null) out.add(current.toString());
        return out;
    }

    private static List<String[]> pairs(String text) {
        List<String[]> out = new ArrayList<>();
        String flat = text.replace('\n', ' ');
        Matcher m = KEY.matcher(flat);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) out.add(new String[] {key, flat.substring(valueStart, m.start()).trim()});
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) out.add(new String[] {key, flat.substring(valueStart).trim()});
        return out;
    }
}
