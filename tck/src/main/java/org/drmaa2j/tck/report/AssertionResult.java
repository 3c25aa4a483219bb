// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

/**
 * The outcome of one assertion in one run.
 *
 * @param id the assertion id
 * @param section the DRMAA2 section it checks, or {@code drmaa2j}
 * @param description the rule checked
 * @param test the test class and method
 * @param outcome {@code pass}, {@code fail}, {@code unsupported} or {@code excluded}
 * @param capability the capability declared unsupported, or null
 * @param message the failure message or the reason of an exclusion, or null
 */
public record AssertionResult(String id, String section, String description, String test, String outcome, String capability,
                              String message) {
    /** Passed. */
    public static final String PASS = "pass";
    /** Failed (or aborted, or skipped for any reason but an exclusion: the TCK skips nothing). */
    public static final String FAIL = "fail";
    /** The driver declared the feature unsupported and enforces it. */
    public static final String UNSUPPORTED = ReportKeys.UNSUPPORTED;
    /** The driver's exclusions file names the assertion; {@link #message()} is the reason. */
    public static final String EXCLUDED = "excluded";

    /** @param other another outcome of the same assertion (a repeated or parameterised test) @return the worse of the two */
    public AssertionResult merge(AssertionResult other) {
        return rank(other.outcome) > rank(outcome) ? other : this;
    }

    private static int rank(String outcome) {
        return FAIL.equals(outcome) ? 3 : EXCLUDED.equals(outcome) ? 2 : UNSUPPORTED.equals(outcome) ? 1 : 0;
    }
}
