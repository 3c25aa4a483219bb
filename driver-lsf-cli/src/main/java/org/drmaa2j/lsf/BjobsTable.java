// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads bjobs' default table ({@code bjobs} and {@code bjobs -w}):
 * {@code JOBID USER STAT QUEUE FROM_HOST EXEC_HOST JOB_NAME SUBMIT_TIME}. The first five columns
 * and the submit time (the last three words) are unambiguous; EXEC_HOST is blank for jobs that
 * never started, which is told from where the sixth word starts relative to the header's
 * JOB_NAME column (shifted by as much as a long user name pushed the row). Lines that start with
 * blanks continue the previous job's EXEC_HOST ({@code 40*batch_hosts}). "Please wait" lines are
 * skipped. The result rows use bjobs' field names, for {@link LsfJobRows}.
 */
final class BjobsTable {
    private BjobsTable() {
    }

    /**
     * @param text bjobs output
     * @return one row per job
     */
    static List<Map<String, String>> rows(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        int fromCol = -1;
        int nameCol = -1;
        Map<String, String> last = null;
        for (String line : LsfMessages.stripNoise(text).split("\r?\n")) {
            if (line.isBlank()) continue;
            if (line.startsWith("JOBID")) {
                fromCol = line.indexOf("FROM_HOST");
                nameCol = line.indexOf("JOB_NAME");
                continue;
            }
            if (fromCol < 0) continue;
            if (Character.isWhitespace(line.charAt(0))) {
                if (last != null) last.merge("EXEC_HOST", line.trim(), (a, b) -> a.isEmpty() ? b : a + ":" + b);
                continue;
            }
            List<int[]> words = words(line);
            if (words.size() < 9) continue;
            Map<String, String> row = new LinkedHashMap<>();
            String[] first = {"JOBID", "USER", "STAT", "QUEUE", "FROM_HOST"};
            for (int i = 0; i < first.length; i++) row.put(first[i], word(line, words.get(i)));
            int shift = words.get(4)[0] - fromCol;
            int next = 5;
            int lastName = words.size() - 4;
            boolean hasExecHost = words.get(5)[0] < nameCol + shift && lastName > 5;
            row.put("EXEC_HOST", hasExecHost ? word(line, words.get(next++)) : "");
            row.put("JOB_NAME", line.substring(words.get(next)[0], words.get(lastName)[1]).trim());
            row.put("SUBMIT_TIME", line.substring(words.get(lastName + 1)[0]).trim());
            out.add(row);
            last = row;
        }
        return out;
    }

    private static List<int[]> words(String line) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= line.length()) break;
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) i++;
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static String word(String line, int[] w) {
        return line.substring(w[0], w[1]);
    }
}
