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

    /**
     * How a job ended, as its accounting record says.
     *
     * @param exitStatus {@code exit_status}, or null when a signal ended the job
     * @param signal the signal's name ({@code SIGKILL}) when {@code exit_status} is 128+N with a
     *        signal's name in parentheses, as Grid Engine writes it for a killed job ({@code 137 (Killed)})
     * @param failed the {@code failed} field when not 0 ({@code 100 : assumedly after job}), else null
     */
    record End(Integer exitStatus, String signal, String failed) {
    }

    /**
     * @param text output of {@code qacct -j}
     * @return how each job or task ended, by DRMAA job id; blocks without an exit status are left out
     */
    static Map<String, End> ends(String text) {
        Map<String, End> out = new LinkedHashMap<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : (text + "\n====").split("\n", -1)) {
            if (line.startsWith("====")) {
                end(block, out);
                block.clear();
                continue;
            }
            String s = line.strip();
            int sp = s.indexOf(' ');
            if (sp > 0) block.put(s.substring(0, sp), s.substring(sp + 1).strip());
        }
        return out;
    }

    private static void end(Map<String, String> block, Map<String, End> out) {
        String job = block.get("jobnumber");
        String exit = block.get("exit_status");
        if (job == null || exit == null) return;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\s*(\\(([^)]*)\\))?").matcher(exit);
        if (!m.find()) return;
        int code = Integer.parseInt(m.group(1));
        String signal = code > 128 && code < 128 + 65 && m.group(3) != null ? org.drmaa2j.spi.util.Signals.name(code - 128) : null;
        String failed = block.get("failed");
        if (failed != null && (failed.equals("0") || failed.startsWith("0 "))) failed = null;
        String task = block.get("taskid");
        String id = task == null || task.isEmpty() || task.equals("undefined") ? job : job + "." + task;
        out.put(id, new End(signal == null ? code : null, signal, failed));
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
