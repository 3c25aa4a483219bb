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
}
