// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submission tags in Grid Engine job names. DRMAA 1.0 has no field of its own for them; of what a
 * job carries, only the name and the account survive into Grid Engine's accounting ({@code qacct}),
 * and the account is the user's ({@code accountingId}, billing). So the job Grid Engine sees is
 * named {@code NAME.drmaa2j-TAG} ({@code drmaa2j-TAG} without a name): {@code qstat -u USER -r}
 * shows it as {@code Full jobname:} while the job is queued or runs, {@code qacct} as
 * {@code jobname} once it ended. The job's {@code JobInfo.jobName} stays the template's. A tag is
 * {@code <12 hex>.<12 hex>}: letters, digits and one dot, all allowed in Grid Engine job names.
 */
final class GridEngineTags {
    static final String MARK = "drmaa2j-";
    private static final Pattern TAG = Pattern.compile("(?:^|\\.)" + MARK + "([0-9a-f]{12}\\.[0-9a-f]{12})$");
    private static final Pattern QSTAT_ROW = Pattern.compile("^\\s*(\\d+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s");
    private static final Pattern FULL_NAME = Pattern.compile("^\\s+Full jobname:\\s+(\\S+)\\s*$");

    private GridEngineTags() {
    }

    /**
     * @param jobName the template's job name, or null
     * @param tag the submission's tag
     * @return the name Grid Engine gets
     */
    static String jobName(String jobName, String tag) {
        return jobName == null ? MARK + tag : jobName + "." + MARK + tag;
    }

    /**
     * @param gridEngineName a job name as Grid Engine shows it
     * @return the tag it carries
     */
    static Optional<String> tagOf(String gridEngineName) {
        if (gridEngineName == null) return Optional.empty();
        Matcher m = TAG.matcher(gridEngineName.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * @param text output of {@code qstat -u USER -r}: a row per job (or array task, or range of
     *        pending tasks), each followed by indented detail lines, among them {@code Full jobname:}
     * @return the job number of each tag found
     */
    static Map<String, String> fromQstat(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String number = null;
        for (String line : text.split("\r?\n")) {
            Matcher row = QSTAT_ROW.matcher(line);
            if (row.find()) {
                number = row.group(1);
                continue;
            }
            Matcher full = FULL_NAME.matcher(line);
            if (full.matches() && number != null) {
                String n = number;
                tagOf(full.group(1)).ifPresent(t -> out.putIfAbsent(t, n));
            }
        }
        return out;
    }

    /**
     * @param text output of {@code qacct -o USER -b TIME -j}: one block per job or task, opened by a
     *        line of {@code =} signs, with {@code jobname} and {@code jobnumber} lines
     * @return the job number of each tag found
     */
    static Map<String, String> fromQacct(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        String number = null;
        for (String line : (text + "\n====").split("\r?\n")) {
            if (line.startsWith("====")) {
                if (name != null && number != null) {
                    String n = number;
                    tagOf(name).ifPresent(t -> out.putIfAbsent(t, n));
                }
                name = null;
                number = null;
                continue;
            }
            String s = line.strip();
            if (s.startsWith("jobname ")) name = s.substring(8).strip();
            else if (s.startsWith("jobnumber ")) number = s.substring(10).strip();
        }
        return out;
    }
}
