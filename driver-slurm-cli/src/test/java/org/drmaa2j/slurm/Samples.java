// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import org.drmaa2j.tck.samples.SampleOutputs;

/** Reads a verbatim scheduler output sample from test resources, without its SOURCE line. */
final class Samples {
    private Samples() {
    }

    static String read(String name) {
        return SampleOutputs.read(Samples.class, "slurm", name);
    }

    /** @return the lines between a line starting with {@code marker} and the next blank line or marker */
    static String section(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) throw new IllegalArgumentException("no section " + marker);
        int start = text.indexOf('\n', at) + 1;
        int end = text.indexOf("\n\n", start);
        int nextMarker = text.indexOf("\n---", start);
        if (nextMarker >= 0 && (end < 0 || nextMarker < end)) end = nextMarker;
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /**
     * @param name a file in {@code samples/slurm-captured}, where each command's output follows a line
     *        {@code # <command> (<note>)}
     * @param marker the start of the comment line naming the command
     * @return that command's output, up to the next comment line
     */
    static String captured(String name, String marker) {
        String text = SampleOutputs.read(Samples.class, "slurm-captured", name);
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ")) {
                if (in) break;
                in = line.startsWith("# " + marker);
            } else if (in) {
                out.append(line).append('\n');
            }
        }
        if (!in && out.length() == 0) throw new IllegalArgumentException("no output of '" + marker + "' in " + name);
        return out.toString();
    }
}
