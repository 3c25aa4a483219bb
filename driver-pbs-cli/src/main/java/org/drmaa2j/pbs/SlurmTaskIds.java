// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slurm job numbers of the driver's array tasks under Slurm's Torque wrappers. Slurm gives a
 * task a job number of its own when the task starts (the array's own number goes to the task that
 * starts last); the wrappers show and control a task only under that number and never show its
 * index. Each task's job script reports its number in its start file; until then the array's
 * number stands for the task, and it stands for all the array's tasks still pending.
 */
final class SlurmTaskIds {
    private final Map<String, String> numbers = new ConcurrentHashMap<>();

    /** @param found Slurm job numbers by driver job id, from start files */
    void learn(Map<String, String> found) {
        found.forEach((id, number) -> {
            if (number.matches("\\d+")) numbers.put(id, number);
        });
    }

    /**
     * @param jobId a driver job id: {@code 45} or the task {@code 45[3]}
     * @return true for an array task whose own Slurm job number is not known yet
     */
    boolean unknownTask(String jobId) {
        return isTask(jobId) && !numbers.containsKey(jobId);
    }

    /**
     * @param jobId a driver job id
     * @return the Slurm job number qstat shows it under, or null for a task not known to have started
     */
    String shownAs(String jobId) {
        return isTask(jobId) ? numbers.get(jobId) : jobId;
    }

    /**
     * @param jobId a driver job id
     * @return the number qdel, qhold and qrls take for it: its own, else (a task not known to have
     *     started) the array's, which holds the array's pending tasks
     */
    String controlNumber(String jobId) {
        if (!isTask(jobId)) return jobId;
        String own = numbers.get(jobId);
        return own != null ? own : arrayNumber(jobId);
    }

    /** @param jobId a task id {@code 45[3]} @return the array's Slurm number {@code 45} */
    static String arrayNumber(String jobId) {
        int open = jobId.indexOf('[');
        return open < 0 ? jobId : jobId.substring(0, open);
    }

    /** @param jobId a job id that a reap made obsolete */
    void forget(String jobId) {
        numbers.remove(jobId);
    }

    private static boolean isTask(String jobId) {
        int open = jobId.indexOf('[');
        return open > 0 && jobId.endsWith("]") && open < jobId.length() - 2;
    }
}
