// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code condor_submit -terse} printed: {@code CLUSTER.FIRST - CLUSTER.LAST}, one line
 * per submission, for example {@code 25.0 - 25.2}.
 */
final class CondorSubmitOutput {
    private static final Pattern TERSE = Pattern.compile("^(\\d+)\\.(\\d+) - (\\d+)\\.(\\d+)$");

    private CondorSubmitOutput() {
    }

    /**
     * @param cluster the cluster id
     * @param firstProc the first ProcId
     * @param lastProc the last ProcId
     */
    record Submitted(long cluster, long firstProc, long lastProc) {
        /** @return the number of jobs */
        long count() {
            return lastProc - firstProc + 1;
        }
    }

    /**
     * @param stdout condor_submit's standard output
     * @return the cluster and proc range, or empty when the output holds none
     */
    static Optional<Submitted> parse(String stdout) {
        for (String line : stdout.split("\r?\n")) {
            Matcher m = TERSE.matcher(line.strip());
            if (!m.matches() || !m.group(1).equals(m.group(3))) continue;
            try {
                long cluster = Long.parseLong(m.group(1));
                long first = Long.parseLong(m.group(2));
                long last = Long.parseLong(m.group(4));
                if (last >= first) return Optional.of(new Submitted(cluster, first, last));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @param stdout condor_submit's standard output
     * @return the cluster id as text, or empty
     */
    static Optional<String> clusterId(String stdout) {
        return parse(stdout).map(s -> Long.toString(s.cluster()));
    }
}
