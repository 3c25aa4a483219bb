// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a verbatim scheduler output a driver's parser tests run against: the file
 * {@code /samples/<scheduler>/<name>} in the driver's test resources, copied unchanged from where
 * it was recorded. Its first line must name its source ({@code SOURCE: …}); that line is removed.
 */
public final class SampleOutputs {
    private SampleOutputs() {
    }

    /**
     * @param anchor a class of the driver's tests, whose class loader finds the resource
     * @param scheduler the sample directory, such as {@code slurm}
     * @param name the file name
     * @return the recorded output without its SOURCE line
     * @throws IllegalArgumentException if there is no such sample
     * @throws IllegalStateException if the sample does not name its source
     */
    public static String read(Class<?> anchor, String scheduler, String name) {
        String path = "/samples/" + scheduler + "/" + name;
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no sample " + path);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith("SOURCE: ")) throw new IllegalStateException(path + " lacks its SOURCE line");
            return text.substring(text.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
