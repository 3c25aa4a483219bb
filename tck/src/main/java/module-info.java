// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j conformance kit: the suite ({@code org.drmaa2j.tck.tests}), its environments, the cluster
 * containers, the CDI run and the report. Testcontainers and Weld have no module names of their own, so
 * they are read as automatic modules named after their jars ({@code testcontainers}, {@code weld.se.core}, {@code weld.api},
 * {@code weld.environment.common}, {@code weld.core.impl}). Drivers run the suite from the class path (surefire's {@code dependenciesToScan}).
 */
module org.drmaa2j.tck {
    requires transitive org.drmaa2j;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.platform.launcher;
    requires transitive net.jqwik.api;
    requires transitive testcontainers;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires weld.se.core;
    requires weld.environment.common;
    requires weld.core.impl;
    requires weld.api;
    requires com.github.dockerjava.api;
    requires jakarta.cdi;
    requires jakarta.inject;

    exports org.drmaa2j.tck;
    exports org.drmaa2j.tck.cdi;
    exports org.drmaa2j.tck.containers;
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
    opens org.drmaa2j.tck.cdi;

    uses org.drmaa2j.tck.TckEnvironment;
    provides org.junit.platform.launcher.TestExecutionListener with org.drmaa2j.tck.report.TckReportListener;
}
