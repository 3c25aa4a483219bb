// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code name = value} record format of {@code qstat -f} (OpenPBS/PBS Pro, Torque and
 * Slurm's Torque wrappers), {@code qstat -Qf} and Torque's {@code pbsnodes -a}: a header line at the
 * start of a line ({@code Job Id: 12.server}, {@code Job Id:<TAB>45[3]}, {@code Queue: workq}, or,
 * for nodes, a bare node name), then indented attribute lines. Long values are wrapped by PBS onto
 * continuation lines that are indented more (or with a tab, where attributes use spaces); they are
 * joined back without a separator, as PBS split them mid-word. The indentation of a record's first
 * attribute line tells attributes from continuations. Values may also hold real line breaks (a
 * {@code sched_hint} quoting an error message): in job and queue output, a line at the start of a
 * line that is not a header continues the value, after a line break.
 */
final class PbsTextRecords {
    private static final Pattern HEADER = Pattern.compile("^(?:Job Id|Queue|Server|Reservation Id|Resv ID):\\s*(\\S.*?)\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^([ \\t]+)([A-Za-z_][A-Za-z0-9_.%-]*(?: [A-Za-z][A-Za-z0-9_]*)?) =(?: (.*))?$");

    private PbsTextRecords() {
    }

    /**
     * @param text {@code qstat -f} or {@code qstat -Q -f} output
     * @return attributes by job id or queue name, in output order
     */
    static Map<String, Map<String, String>> parse(String text) {
        return parse(text, false);
    }

    /**
     * @param text {@code pbsnodes -a} output
     * @return attributes by node name, in output order
     */
    static Map<String, Map<String, String>> parseNodes(String text) {
        return parse(text, true);
    }

    private static Map<String, Map<String, String>> parse(String text, boolean bareHeaders) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        String indent = null;
        String lastKey = null;
        for (String raw : text.split("\r?\n")) {
            if (raw.isBlank()) {
                continue;
            }
            char first = raw.charAt(0);
            if (first != ' ' && first != '\t') {
                Matcher h = HEADER.matcher(raw);
                if (!h.matches() && !bareHeaders) {
                    if (lastKey != null) current.put(lastKey, current.get(lastKey) + "\n" + raw);
                    continue;
                }
                String name = h.matches() ? h.group(1) : raw.trim();
                current = new LinkedHashMap<>();
                out.put(name, current);
                indent = null;
                lastKey = null;
                continue;
            }
            if (current == null) continue;
            Matcher a = ATTRIBUTE.matcher(raw);
            boolean isAttribute = a.matches() && (indent == null || a.group(1).equals(indent));
            if (isAttribute) {
                if (indent == null) indent = a.group(1);
                lastKey = a.group(2);
                current.put(lastKey, a.group(3) == null ? "" : a.group(3).strip());
            } else if (lastKey != null) {
                current.put(lastKey, current.get(lastKey) + raw.strip());
            }
        }
        return out;
    }
}
