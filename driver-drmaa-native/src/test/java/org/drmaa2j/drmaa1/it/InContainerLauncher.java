// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1.it;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs JUnit classes or packages in a JVM started inside the cluster container, writes JUnit XML
 * reports (as surefire does) and exits with 0 only when all passed: a minimal console launcher.
 * Usage: {@code InContainerLauncher <xml report dir> <class or package:name>...}. Tests run four at a
 * time where they allow it (the TCK's do).
 */
public final class InContainerLauncher {
    private InContainerLauncher() {
    }

    public static void main(String[] args) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            selectors.add(args[i].startsWith("package:") ? selectPackage(args[i].substring(8)) : selectClass(args[i]));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "same_thread",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
                        "junit.jupiter.execution.timeout.testable.method.default", "10 m"))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        PrintWriter out = new PrintWriter(System.out, true);
        launcher.execute(request, summary, new PrintingListener(), new LegacyXmlReportGeneratingListener(Path.of(args[0]), out));
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(out, 30);
        s.printTo(out);
        System.exit(s.getTotalFailureCount() == 0 && s.getTestsSucceededCount() > 0 ? 0 : 1);
    }

    /** Prints one line per finished test. */
    private static final class PrintingListener implements org.junit.platform.launcher.TestExecutionListener {
        @Override
        public void executionFinished(org.junit.platform.launcher.TestIdentifier id, org.junit.platform.engine.TestExecutionResult result) {
            if (id.isTest()) System.out.println("[" + result.getStatus() + "] " + id.getDisplayName()
                    + result.getThrowable().map(t -> " — " + t).orElse(""));
        }
    }
}
