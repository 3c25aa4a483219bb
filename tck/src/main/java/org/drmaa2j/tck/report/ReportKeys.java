// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

/** Keys of the JUnit reporting entries through which the TCK tells the report listener what happened. */
public final class ReportKeys {
    /** On a test: the outcome, when it is not simply pass or fail. */
    public static final String OUTCOME = "drmaa2j.tck.outcome";
    /** On a test: the capability the driver declared unsupported. */
    public static final String CAPABILITY = "drmaa2j.tck.capability";
    /** The {@link #OUTCOME} value of a test that proved a feature is declared and enforced as unsupported. */
    public static final String UNSUPPORTED = "unsupported";
    /** Prefix of the entries describing the run, published on each test class. */
    public static final String RUN_PREFIX = "drmaa2j.tck.run.";
    /** Run entry: the driver name. */
    public static final String RUN_DRIVER = RUN_PREFIX + "driver";
    /** Run entry: the environment name. */
    public static final String RUN_ENVIRONMENT = RUN_PREFIX + "environment";
    /** Run entry: how the session manager was obtained, bootstrap or cdi. */
    public static final String RUN_INJECTION = RUN_PREFIX + "injection";
    /** Run entry: the scheduler name and version. */
    public static final String RUN_DRMS = RUN_PREFIX + "drms";
    /** Run entry: where the driver's exclusions were read from, or {@code none}. */
    public static final String RUN_EXCLUSIONS = RUN_PREFIX + "exclusions";
    /** Run entry: the implementation name and version. */
    public static final String RUN_DRMAA = RUN_PREFIX + "drmaa";

    private ReportKeys() {
    }
}
