// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Run in a separate JVM by {@link LocalHomeTest}, with {@code HOME} set to another directory than the
 * account's: runs the TCK's two assertions about the home directory (JT-10, JT-11) against the local
 * driver and exits with the number of failures. First prints {@code user.home} and {@code HOME}.
 */
public final class HomeTckMain {
    private static final String CLASS = "org.drmaa2j.tck.tests.JobTemplateAttributesTest";
    private static final String PARAMS = "(org.drmaa2j.tck.support.Tck, org.drmaa2j.JobSession)";

    private HomeTckMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        out.println("user.home=" + System.getProperty("user.home"));
        out.println("HOME=" + System.getenv("HOME"));
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(CLASS + "#workingDirectory_defaultIsHome" + PARAMS),
                        selectMethod(CLASS + "#workingDirectory_homePlaceholder" + PARAMS))
                .build(), summary);
        summary.getSummary().printTo(out);
        summary.getSummary().printFailuresTo(out, 10);
        out.flush();
        System.exit((int) Math.min(100, summary.getSummary().getTotalFailureCount()
                + (summary.getSummary().getTestsSucceededCount() == 2 ? 0 : 1)));
    }
}
