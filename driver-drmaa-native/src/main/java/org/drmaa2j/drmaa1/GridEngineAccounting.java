// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the output of Grid Engine's {@code qacct -j <job>}: one block per job or array task,
 * opened by a line of {@code =} signs, of {@code key value} lines ({@code qname}, {@code hostname},
 * {@code jobnumber}, {@code taskid}, {@code slots}, …).
 */
final class GridEngineAccounting {
    private GridEngineAccounting() {
    }

    /**
     * @param text the command's output
     * @return placement per job id as DRMAA names it: {@code 7} for a single job, {@code 7.2} for task 2
     *         of array job 7; blocks without queue or host are left out
     */
    static Map<String, Placement> parse(String text) {
        Map<String, Placement> out = new LinkedHashMap<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("====")) {
                add(block, out);
                block.clear();
                continue;
            }
            String s = line.strip();
            int sp = s.indexOf(' ');
            if (sp > 0) block.put(s.substring(0, sp), s.substring(sp + 1).strip());
        }
        add(block, out);
        return out;
    }

    private static void add(Map<String, String> block, Map<String, Placement> out) {
        String job = block.get("jobnumber");
        String queue = block.get("qname");
        String host = block.get("hostname");
        if (job == null || queue == null || host == null || queue.isEmpty() || host.isEmpty()) return;
        String task = block.get("taskid");
        String id = task == null || task.isEmpty() || task.equals("undefined") ? job : job + "." + task;
        out.put(id, new Placement(queue, host, slots(block.get("slots"))));
    }

    static Long slots(String v) {
        if (v == null) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
