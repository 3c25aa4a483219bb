// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.resources;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;

/**
 * The {@link Extensions#NATIVE_OPTIONS} value, checked and split: one scheduler option per line,
 * each starting with {@code -}, blank lines ignored. Each line becomes one argv entry or one
 * directive line, never shell text.
 */
public final class NativeOptions {
    private NativeOptions() {
    }

    /**
     * @param value the extension value, or null
     * @param command the submission command, for the message ({@code sbatch}, {@code bsub}, …)
     * @return the options, stripped, in order; empty for null
     * @throws InvalidArgumentException naming the extension key when a line is not an option
     */
    public static List<String> lines(String value, String command) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String line : value.split("\r?\n|\r")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (!l.startsWith("-")) {
                throw new InvalidArgumentException("extensions[" + Extensions.NATIVE_OPTIONS + "]", "'" + l + "' is not a " + command + " option");
            }
            out.add(l);
        }
        return out;
    }
}
