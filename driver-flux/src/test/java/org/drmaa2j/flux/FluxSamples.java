// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import org.drmaa2j.tck.samples.SampleOutputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verbatim Flux outputs in test resources: whole files (checked for their SOURCE line), the
 * steps of a recorded transcript, and the blocks of a fixture file.
 */
final class FluxSamples {
    private static final Pattern STEP = Pattern.compile(
            "(?s)===== \\$ (.*?) \\n----- stdout:\\n(.*?)----- stderr:\\n(.*?)----- rc=(\\d+)\\n");

    /**
     * One command of a transcript.
     *
     * @param command the command line as recorded
     * @param stdout its standard output
     * @param stderr its standard error
     * @param rc its exit code
     */
    record Step(String command, String stdout, String stderr, int rc) {
    }

    private FluxSamples() {
    }

    /** @return the sample without its SOURCE line */
    static String read(String name) {
        return SampleOutputs.read(FluxSamples.class, "flux", name);
    }

    /** @return every step of a transcript, in order */
    static List<Step> transcript(String name) {
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(read(name));
        while (m.find()) steps.add(new Step(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
        return steps;
    }

    /** @return the steps whose command starts with the given text */
    static List<Step> steps(List<Step> all, String commandPrefix) {
        return all.stream().filter(s -> s.command().startsWith(commandPrefix)).toList();
    }

    /** @return the non-blank lines of a fixture block that starts with a {@code [name…]} line */
    static List<String> block(String text, String header) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("[")) {
                in = line.startsWith(header);
                continue;
            }
            if (in && !line.isBlank()) out.add(line);
        }
        return out;
    }
}
