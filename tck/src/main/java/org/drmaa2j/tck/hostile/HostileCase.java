// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;

/**
 * One generated template, kept as its raw values so that a rejection by the template builder is
 * part of the test too.
 *
 * @param index the case number, unique in its run
 * @param jobName the job name, or null
 * @param args the arguments for the report command
 * @param environment the job environment; names that are not variable names are meant to be refused
 * @param minSlots a slot count, or null
 * @param minPhysMemory a memory request in KiB, or null
 * @param cpuTime a CPU-time limit in seconds, or null (only negative values are generated)
 * @param nodes the {@link Extensions#NODES} text, or null
 * @param mustReject whether some value is one no driver may accept (NUL, unpaired surrogate, bad
 *                   variable name, bad number)
 */
public record HostileCase(int index, String jobName, List<String> args, Map<String, String> environment,
                          Long minSlots, Long minPhysMemory, Long cpuTime, String nodes, boolean mustReject) {

    /**
     * @param command the report command (see {@link JobReport})
     * @param outputPath where the job writes its report
     * @return a builder holding every value; its {@code build()} may refuse them
     */
    public JobTemplate.Builder builder(String command, String outputPath) {
        JobTemplate.Builder b = JobTemplate.builder(command).args(args)
                .jobEnvironment(new LinkedHashMap<>(environment)).jobName(jobName).outputPath(outputPath).joinFiles(true);
        if (minSlots != null) b.minSlots(minSlots);
        if (minPhysMemory != null) b.minPhysMemory(minPhysMemory);
        if (cpuTime != null) b.resourceLimit(ResourceLimit.CPU_TIME, cpuTime);
        if (nodes != null) b.extension(Extensions.NODES, nodes);
        return b;
    }

    /**
     * @param field the field an {@code InvalidArgumentException} named
     * @return whether this case set that field: a rejection may name only a field the case set
     */
    public boolean setField(String field) {
        if (field == null) return false;
        if (field.equals("jobName")) return jobName != null;
        if (field.equals("jobEnvironment")) return !environment.isEmpty();
        if (field.startsWith("jobEnvironment[")) return environment.containsKey(field.substring(15, field.length() - 1));
        if (field.startsWith("args[")) {
            int i = Integer.parseInt(field.substring(5, field.length() - 1));
            return i >= 0 && i < args.size();
        }
        if (field.equals("minSlots")) return minSlots != null;
        if (field.equals("minPhysMemory")) return minPhysMemory != null;
        if (field.equals("resourceLimits[CPU_TIME]")) return cpuTime != null;
        if (field.equals("extensions[" + Extensions.NODES + "]")) return nodes != null;
        return false;
    }

    /** @return the field names a tally groups rejections by ({@code args[3]} counts as {@code args}) */
    public static String group(String field) {
        if (field == null) return "(none)";
        int b = field.indexOf('[');
        return b > 0 && !field.startsWith("extensions") && !field.startsWith("resourceLimits") ? field.substring(0, b) : field;
    }

    /** @return the fields a driver may refuse for this case */
    public Set<String> fieldGroups() {
        Set<String> s = new java.util.TreeSet<>();
        if (jobName != null) s.add("jobName");
        if (!args.isEmpty()) s.add("args");
        if (!environment.isEmpty()) s.add("jobEnvironment");
        if (minSlots != null) s.add("minSlots");
        if (minPhysMemory != null) s.add("minPhysMemory");
        if (cpuTime != null) s.add("resourceLimits[CPU_TIME]");
        if (nodes != null) s.add("extensions[" + Extensions.NODES + "]");
        return s;
    }
}
