// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences LSF commands print around their data: the submission acknowledgement of
 * {@code bsub}, {@code Job <N> is not found} for jobs {@code bjobs} no longer knows, and the
 * {@code LSF is processing your request. Please wait ...} lines a busy mbatchd causes.
 */
final class LsfMessages {
    private static final Pattern SUBMITTED = Pattern.compile("Job <(\\d+)> is submitted to (?:default )?queue");
    private static final Pattern NOT_FOUND = Pattern.compile("Job <(\\d+(?:\\[\\d+\\])?)> is not found");
    private static final Pattern NOISE = Pattern.compile("(?i)^\\s*(LSF is processing your request\\. Please wait \\.\\.\\.|"
            + "LSF daemon \\(LIM\\) not responding \\.\\.\\. still trying|Please wait \\.\\.\\.)\\s*$");
    private static final Pattern NO_JOBS = Pattern.compile("(?i)^\\s*No (unfinished |matching )?job(s)? found\\s*$");

    private LsfMessages() {
    }

    /**
     * @param stdout what bsub printed
     * @return the new job's id, or empty when the output holds no acknowledgement
     */
    static Optional<String> submittedJobId(String stdout) {
        Matcher m = SUBMITTED.matcher(stdout);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * @param text stderr (or stdout) of bjobs, bkill, …
     * @return the ids LSF says it does not know, in order
     */
    static Set<String> notFound(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NOT_FOUND.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * @param text command output
     * @return the output without the "please wait" lines
     */
    static String stripNoise(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (NOISE.matcher(line).matches()) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(line);
        }
        return sb.toString();
    }

    /**
     * @param text stderr of a command
     * @return true when every non-blank line is noise, a "not found" sentence or "No … job found"
     */
    static boolean onlyHarmless(String text) {
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || NOISE.matcher(line).matches() || NO_JOBS.matcher(line).matches()) continue;
            if (NOT_FOUND.matcher(line).find()) continue;
            return false;
        }
        return true;
    }
}
