// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the job id from what {@code sbatch} printed: {@code --parsable} gives {@code ID} or
 * {@code ID;cluster}; without it, {@code Submitted batch job ID}, possibly prefixed with
 * {@code sbatch: }.
 */
final class SbatchOutput {
    private static final Pattern PARSABLE = Pattern.compile("^(\\d+(?:_\\d+)?)(?:;\\S+)?$");
    private static final Pattern SENTENCE = Pattern.compile("(?i)submitted batch job (\\d+)");

    private SbatchOutput() {
    }

    /**
     * @param stdout sbatch's standard output
     * @return the job id, or empty when the output holds none
     */
    static Optional<String> jobId(String stdout) {
        for (String line : stdout.split("\r?\n")) {
            String l = line.trim();
            Matcher m = PARSABLE.matcher(l);
            if (m.matches()) return Optional.of(m.group(1));
            Matcher s = SENTENCE.matcher(l);
            if (s.find()) return Optional.of(s.group(1));
        }
        return Optional.empty();
    }
}
