// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the job list of Grid Engine's {@code qstat -u <user>}: after two header lines, one row per
 * job, running array task or range of pending tasks, white-space separated: job-ID, prior, name,
 * user, state letters, submit/start date and time, the queue instance ({@code all.q@host}, only
 * once the job runs), slots, and for arrays the task id or pending range ({@code 1-3:1}).
 */
final class GridEngineJobList {
    private GridEngineJobList() {
    }

    /**
     * One job of the list.
     *
     * @param state Grid Engine's state letters, such as {@code qw}, {@code hqw}, {@code r}, {@code s}
     * @param placement where it runs, or null while it has no queue instance
     */
    record Row(String state, Placement placement) {
    }

    /**
     * @param text the command's output
     * @return the rows by job id as DRMAA names it ({@code 7}, {@code 7.2}; a pending range gives one
     *         row per task)
     */
    static Map<String, Row> parse(String text) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // job-ID prior name user state date time [queue] slots [task]
            if (f.length < 8 || !digits(f[0])) continue;
            try {
                add(f, out);
            } catch (NumberFormatException e) {
                // a row this reader does not understand: its jobs are asked about one by one
            }
        }
        return out;
    }

    private static void add(String[] f, Map<String, Row> out) {
        int next = 7;
        Placement placement = null;
        int at = f[7].indexOf('@');
        if (at > 0 && at < f[7].length() - 1) {
            if (f.length < 9) return;
            placement = new Placement(f[7].substring(0, at), f[7].substring(at + 1), GridEngineAccounting.slots(f[8]));
            next = 8;
        }
        Row row = new Row(f[4], placement);
        if (f.length <= next + 1) {
            out.put(f[0], row);
        } else {
            for (long task : tasks(f[next + 1])) out.put(f[0] + "." + task, row);
        }
    }

    /**
     * @param letters Grid Engine's state letters
     * @return the DRMAA 1.0 {@code PS_*} state they mean, or null for states better asked of the
     *         library (error {@code E}, deleting {@code d}, unknown letters)
     */
    static Integer drmaaState(String letters) {
        if (letters.indexOf('E') >= 0 || letters.indexOf('d') >= 0) return null;
        if (letters.indexOf('s') >= 0) return DrmaaConstants.PS_USER_SUSPENDED;
        if (letters.indexOf('S') >= 0 || letters.indexOf('T') >= 0) return DrmaaConstants.PS_SYSTEM_SUSPENDED;
        if (letters.indexOf('r') >= 0 || letters.indexOf('t') >= 0) return DrmaaConstants.PS_RUNNING;
        if (letters.indexOf('h') >= 0) return DrmaaConstants.PS_USER_ON_HOLD;
        if (letters.equals("qw") || letters.equals("w")) return DrmaaConstants.PS_QUEUED_ACTIVE;
        return null;
    }

    /** More task ids than Grid Engine's own limit (max_aj_tasks, 75,000 by default) allows. */
    private static final long MAX_TASKS = 1_000_000;

    /**
     * @return the task ids of {@code 4}, {@code 1-3:1} or a comma-separated list of those
     * @throws NumberFormatException for text that is not such a list, or one of more than a million ids
     */
    static long[] tasks(String spec) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            String range = part;
            long step = 1;
            int colon = part.indexOf(':');
            if (colon > 0) {
                step = Math.max(1, Long.parseLong(part.substring(colon + 1)));
                range = part.substring(0, colon);
            }
            int dash = range.indexOf('-');
            long from = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
            long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1));
            if (from < 0 || to < from || (to - from) / step + ids.size() > MAX_TASKS) {
                throw new NumberFormatException("not a task range this reader expands: " + part);
            }
            for (long t = from; t <= to; t += step) ids.add(t);
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
