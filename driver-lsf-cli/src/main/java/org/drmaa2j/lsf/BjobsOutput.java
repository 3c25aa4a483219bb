// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of one {@code bjobs -o} call, in either form, and the ids bjobs said it does not
 * know (on stderr, or as {@code ERROR} records in the JSON form).
 *
 * @param records one map per job or array element, keys as bjobs names its fields
 * @param notFound ids reported as {@code Job <N> is not found}
 */
record BjobsOutput(List<Map<String, String>> records, Set<String> notFound) {
    private static final Logger LOG = LoggerFactory.getLogger(BjobsOutput.class);

    /**
     * @param stdout the JSON form's standard output
     * @param stderr its standard error
     * @return the parsed output
     */
    static BjobsOutput fromJson(String stdout, String stderr) {
        Set<String> missing = new LinkedHashSet<>(LsfMessages.notFound(stderr));
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> rec : LsfJson.records(stdout)) {
            String error = rec.get("ERROR");
            if (error != null) {
                Set<String> ids = LsfMessages.notFound(error);
                if (ids.isEmpty() && rec.get("JOBID") != null) ids = Set.of(rec.get("JOBID"));
                missing.addAll(ids);
                continue;
            }
            rows.add(rec);
        }
        return new BjobsOutput(List.copyOf(rows), Set.copyOf(missing));
    }

    /**
     * @param stdout the output of {@code bjobs -noheader -o "… delimiter='|'"}
     * @param stderr its standard error
     * @param columns the fields asked for, in order
     * @return the parsed output
     */
    static BjobsOutput fromDelimited(String stdout, String stderr, List<String> columns) {
        Set<String> missing = new LinkedHashSet<>(LsfMessages.notFound(stderr));
        missing.addAll(LsfMessages.notFound(stdout));
        StringBuilder data = new StringBuilder();
        for (String line : LsfMessages.stripNoise(stdout).split("\r?\n")) {
            if (line.isBlank() || !LsfMessages.notFound(line).isEmpty() || line.trim().matches("(?i)No (unfinished |matching )?job(s)? found")) continue;
            data.append(line).append('\n');
        }
        DelimitedTable t = DelimitedTable.withColumns(data.toString(), "|", columns);
        if (!t.malformed().isEmpty()) LOG.warn("bjobs printed lines that do not fit its format: {}", t.malformed());
        return new BjobsOutput(t.rows(), Set.copyOf(missing));
    }
}
