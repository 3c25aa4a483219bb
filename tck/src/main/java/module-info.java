// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j conformance kit: the suite ({@code org.drmaa2j.tck.tests}), its environments, the report,
 * the kill test and the hostile-input kit. The cluster containers are in {@code org.drmaa2j.tck.containers}
 * (drmaa2j-tck-containers), the CDI run in {@code org.drmaa2j.tck.cdi} (drmaa2j-tck-cdi), which plugs in as a
 * {@link org.drmaa2j.tck.SessionManagerInjection}. Drivers run the suite from the class path (surefire's
 * {@code dependenciesToScan}).
 */
module org.drmaa2j.tck {
    requires transitive org.drmaa2j;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.platform.launcher;
    requires transitive net.jqwik.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports org.drmaa2j.tck;
    exports org.drmaa2j.tck.durability;
    exports org.drmaa2j.tck.env;
    exports org.drmaa2j.tck.hostile;
    exports org.drmaa2j.tck.report;
    exports org.drmaa2j.tck.samples;
    exports org.drmaa2j.tck.support;
    exports org.drmaa2j.tck.tests;

    // JUnit runs the suite's package-private test classes reflectively; Jackson reads and writes the report's records
    opens org.drmaa2j.tck.tests to org.junit.platform.commons;
    opens org.drmaa2j.tck.report to com.fasterxml.jackson.databind;

    uses org.drmaa2j.tck.TckEnvironment;
    uses org.drmaa2j.tck.SessionManagerInjection;
    provides org.junit.platform.launcher.TestExecutionListener with org.drmaa2j.tck.report.TckReportListener;
}
