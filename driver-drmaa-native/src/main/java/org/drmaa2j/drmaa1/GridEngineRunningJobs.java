package org.drmaa2j.drmaa1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the job list of Grid Engine's {@code qstat -s rs -u <user>}: after two header lines, one
 * row per running or suspended job or array task, white-space separated: job-ID, prior, name, user,
 * state, submit/start date and time, queue instance ({@code all.q@host}), slots, and for array
 * tasks the task id.
 */
final class GridEngineRunningJobs {
    private GridEngineRunningJobs() {
    }

    /**
     * @param text the command's output
     * @return placement per job id as DRMAA names it ({@code 7}, {@code 7.2}); rows without a queue
     *         instance are left out
     */
    static Map<String, Placement> parse(String text) {
        Map<String, Placement> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // job-ID prior name user state date time queue slots [task]
            if (f.length < 9 || !f[0].chars().allMatch(Character::isDigit)) continue;
            int at = f[7].indexOf('@');
            if (at <= 0 || at == f[7].length() - 1) continue;
            String id = f.length > 9 && f[9].chars().allMatch(Character::isDigit) ? f[0] + "." + f[9] : f[0];
            out.put(id, new Placement(f[7].substring(0, at), f[7].substring(at + 1), GridEngineAccounting.slots(f[8])));
        }
        return out;
    }
}
