// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import java.util.List;
import java.util.Map;

/**
 * The results of one TCK run: one driver, environment and injection mode.
 *
 * @param run what ran: driver, environment, injection, drms, drmaa, finished
 * @param results the outcome per assertion, ordered by id
 */
public record RunResult(Map<String, String> run, List<AssertionResult> results) {
    /** @return a label for the report matrix, such as {@code local / local / bootstrap} */
    public String label() {
        return run.getOrDefault("driver", "?") + " / " + run.getOrDefault("environment", "?") + " / " + run.getOrDefault("injection", "?");
    }

    /** @return a file-name-safe key of the run */
    public String key() {
        return label().replace(" / ", "-").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** @param outcome an outcome @return how many assertions had it */
    public long count(String outcome) {
        return results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    /** @return the summary line: assertions, passed, failed, unsupported, excluded */
    public String summary() {
        return results.size() + " assertions, " + count(AssertionResult.PASS) + " passed, " + count(AssertionResult.FAIL)
                + " failed, " + count(AssertionResult.UNSUPPORTED) + " unsupported, " + count(AssertionResult.EXCLUDED) + " excluded";
    }
}
