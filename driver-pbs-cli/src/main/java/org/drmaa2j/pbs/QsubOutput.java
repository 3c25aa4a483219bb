// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the job id from what {@code qsub} printed: {@code 0.pbshost}, {@code 2[].pbshost} for an
 * array (OpenPBS/PBS Pro, Torque), or a bare number from Slurm's wrapper. Other lines (warnings,
 * {@code qsub: waiting for job…}) are skipped; the id is the last line that is one.
 */
final class QsubOutput {
    private static final Pattern ID = Pattern.compile("^(\\d+(?:\\[\\d*\\])?(?:\\.[A-Za-z0-9_.-]+)?)$");

    private QsubOutput() {
    }

    /**
     * @param stdout qsub's standard output
     * @return the job id, or empty when none was printed
     */
    static Optional<String> jobId(String stdout) {
        String found = null;
        for (String line : stdout.split("\r?\n")) {
            Matcher m = ID.matcher(line.trim());
            if (m.matches()) found = m.group(1);
        }
        return Optional.ofNullable(found);
    }

    /**
     * @param arrayId the id qsub printed for an array, such as {@code 2[].pbshost}, or a bare {@code 45}
     * @return the array id in {@code N[]…} form
     */
    static String arrayId(String arrayId) {
        if (arrayId.contains("[]")) return arrayId;
        int dot = arrayId.indexOf('.');
        return dot < 0 ? arrayId + "[]" : arrayId.substring(0, dot) + "[]" + arrayId.substring(dot);
    }

    /**
     * @param arrayId an array id such as {@code 2[].pbshost}
     * @param index a task index
     * @return the task's id, {@code 2[4].pbshost}
     */
    static String taskId(String arrayId, long index) {
        return arrayId.replace("[]", "[" + index + "]");
    }

    /**
     * @param taskId a task id such as {@code 2[4].pbshost}
     * @return its array's id {@code 2[].pbshost}, or null for an ordinary job id
     */
    static String arrayOf(String taskId) {
        int open = taskId.indexOf('[');
        int close = taskId.indexOf(']', open + 1);
        if (open < 0 || close < 0 || close == open + 1) return null;
        return taskId.substring(0, open + 1) + taskId.substring(close);
    }
}
