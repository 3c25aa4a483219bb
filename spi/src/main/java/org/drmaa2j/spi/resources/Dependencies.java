// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;

/**
 * The {@link Extensions#DEPENDENCIES} value, checked and split: {@code type:id[:id…][,type:id…]}
 * with type one of {@code after}, {@code afterok}, {@code afternotok}, {@code afterany}.
 *
 * @param clauses each type with its job ids, in order
 */
public record Dependencies(List<Clause> clauses) {
    private static final Set<String> TYPES = Set.of("after", "afterok", "afternotok", "afterany");
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_.\\[\\]-]+");

    /**
     * One dependency type with its jobs.
     *
     * @param type after, afterok, afternotok or afterany
     * @param jobIds the jobs
     */
    public record Clause(String type, List<String> jobIds) {
    }

    /**
     * @param value the extension value, or null
     * @return the parsed dependencies, empty for null
     * @throws InvalidArgumentException naming the extension key when the value is malformed
     */
    public static Dependencies parse(String value) {
        List<Clause> out = new ArrayList<>();
        if (value == null || value.isBlank()) return new Dependencies(out);
        for (String part : value.split(",")) {
            String[] f = part.trim().split(":");
            if (f.length < 2 || !TYPES.contains(f[0])) {
                throw new InvalidArgumentException("extensions[" + Extensions.DEPENDENCIES + "]",
                        "'" + part + "' is not type:jobid[:jobid…] with type one of " + TYPES);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                if (!JOB_ID.matcher(f[i]).matches()) {
                    throw new InvalidArgumentException("extensions[" + Extensions.DEPENDENCIES + "]", "'" + f[i] + "' is not a job id");
                }
                ids.add(f[i]);
            }
            out.add(new Clause(f[0], List.copyOf(ids)));
        }
        return new Dependencies(List.copyOf(out));
    }
}
