// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code scontrol show job} output (one line with {@code -o}, or the multi-line form) into
 * the same row keys as squeue/sacct, so that {@link SlurmJobRows} can read it.
 */
final class ScontrolJobRecord {
    private static final Map<String, String> ROW_KEYS = Map.ofEntries(
            Map.entry("JobId", "jobid"), Map.entry("ArrayJobId", "arrayjobid"), Map.entry("ArrayTaskId", "arraytaskid"),
            Map.entry("JobName", "name"), Map.entry("JobState", "state"),
            Map.entry("Reason", "reason"), Map.entry("Partition", "partition"), Map.entry("NumCPUs", "cpus"),
            Map.entry("NodeList", "nodelist"), Map.entry("SubmitTime", "submit"), Map.entry("StartTime", "start"),
            Map.entry("EndTime", "end"), Map.entry("UserId", "user"), Map.entry("ExitCode", "exitcode"),
            Map.entry("RunTime", "elapsed"));

    private ScontrolJobRecord() {
    }

    /**
     * @param text the output for one job
     * @return its row, keyed like squeue/sacct rows
     */
    static Map<String, String> parse(String text) {
        Map<String, String> raw = ScontrolRecords.fields(text);
        Map<String, String> row = new HashMap<>();
        ROW_KEYS.forEach((from, to) -> {
            String v = raw.get(from);
            if (v != null) row.put(to, v);
        });
        String user = row.get("user");
        if (user != null && user.indexOf('(') > 0) row.put("user", user.substring(0, user.indexOf('(')));
        if (raw.containsKey("ArrayJobId") && raw.containsKey("ArrayTaskId")) {
            row.put("jobid", raw.get("ArrayJobId") + "_" + raw.get("ArrayTaskId"));
        }
        return row;
    }
}
