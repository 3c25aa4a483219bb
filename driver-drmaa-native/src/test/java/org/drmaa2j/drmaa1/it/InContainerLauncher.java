package org.drmaa2j.drmaa1.it;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs JUnit classes in a JVM started inside the cluster container and exits with 0 only when all
 * passed: a minimal console launcher. Usage: {@code InContainerLauncher <class>...}.
 */
public final class InContainerLauncher {
    private InContainerLauncher() {
    }

    public static void main(String[] args) {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String a : args) selectors.add(selectClass(a));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary, new PrintingListener());
        TestExecutionSummary s = summary.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
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
