// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the whole TCK without a build tool, for a login node with only a JVM: put the tck jar, the
 * driver jar and their dependencies on the class path and pass the settings as system properties,
 * for example {@code -Ddrmaa2j.tck.environment=existing -Ddrmaa2j.tck.driver=slurm}. The report is
 * written as in a build; the exit status is 0 when no test failed.
 */
public final class TckLauncher {
    /** The package holding the conformance tests. */
    public static final String TEST_PACKAGE = "org.drmaa2j.tck.tests";

    private TckLauncher() {
    }

    /**
     * @param args ignored; configuration is by system properties
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true)) == 0 ? 0 : 1);
    }

    /**
     * Runs the whole TCK in this JVM, configured by system properties as {@link #main} is.
     *
     * @param out where the summary and the first failures are printed
     * @return the number of failed tests
     */
    public static long run(PrintWriter out) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(TEST_PACKAGE))
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
                        "junit.jupiter.execution.timeout.testable.method.default", "30 m"))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        summary.getSummary().printTo(out);
        summary.getSummary().printFailuresTo(out, 5);
        out.flush();
        return summary.getSummary().getTotalFailureCount();
    }
}
