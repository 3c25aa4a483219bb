// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import org.drmaa2j.tck.samples.SampleOutputs;

/** Reads a verbatim scheduler output sample from test resources, without its SOURCE line. */
final class Samples {
    private Samples() {
    }

    static String read(String name) {
        return SampleOutputs.read(Samples.class, "lsf", name);
    }

    /** @return the lines after the line {@code marker} up to the next {@code [} section line or the end */
    static String section(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) throw new IllegalArgumentException("no section " + marker);
        int start = text.indexOf('\n', at) + 1;
        int end = text.indexOf("\n[", start);
        return text.substring(start, end < 0 ? text.length() : end + 1);
    }
}
