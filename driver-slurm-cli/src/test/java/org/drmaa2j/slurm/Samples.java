package org.drmaa2j.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a verbatim scheduler output sample from test resources, without its SOURCE line. */
final class Samples {
    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/slurm/" + name)) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith("SOURCE: ")) throw new IllegalStateException(name + " lacks its SOURCE line");
            return text.substring(text.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
