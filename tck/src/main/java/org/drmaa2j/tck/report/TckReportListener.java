// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.TckExclusions;
import org.drmaa2j.tck.TckSettings;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the outcome of every TCK assertion of a test run and writes the report when the run
 * ends. Registered with the JUnit Platform launcher through {@code META-INF/services}, so it is
 * active wherever the TCK jar is on the test class path; a run without TCK tests writes nothing.
 */
public final class TckReportListener implements TestExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(TckReportListener.class);

    private final Map<String, String> run = new ConcurrentHashMap<>();
    private final Map<String, String> capabilities = new ConcurrentHashMap<>();
    private final Map<String, AssertionResult> results = new ConcurrentHashMap<>();
    private final Map<String, String> containerFailures = new ConcurrentHashMap<>();

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((k, v) -> {
            if (k.startsWith(ReportKeys.RUN_PREFIX)) run.put(k.substring(ReportKeys.RUN_PREFIX.length()), v);
            if (k.equals(ReportKeys.CAPABILITY)) capabilities.put(test.getUniqueId(), v);
        });
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        assertionOf(test).ifPresent(a -> {
            if (reason != null && reason.startsWith(TckExclusions.REASON_PREFIX)) {
                record(a, test, AssertionResult.EXCLUDED, reason.substring(TckExclusions.REASON_PREFIX.length()));
            } else {
                record(a, test, AssertionResult.FAIL, "skipped: " + reason);
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Assertion> a = assertionOf(test);
        if (a.isEmpty()) {
            if (test.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                containerFailures.put(test.getUniqueId(), message(result));
            }
            return;
        }
        String cap = capabilities.get(test.getUniqueId());
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(a.get(), test, cap != null ? AssertionResult.UNSUPPORTED : AssertionResult.PASS, null, cap);
            case ABORTED -> record(a.get(), test, AssertionResult.FAIL, "aborted: " + message(result));
            default -> record(a.get(), test, AssertionResult.FAIL, message(result));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        recordNotRun(plan);
        if (results.isEmpty()) return;
        List<AssertionResult> list = new ArrayList<>(results.values());
        list.sort((x, y) -> ReportMatrix.ID_ORDER.compare(x.id(), y.id()));
        Map<String, String> info = new LinkedHashMap<>(run);
        info.putIfAbsent("driver", "unknown");
        info.putIfAbsent("environment", Optional.ofNullable(TckSettings.get(TckSettings.ENVIRONMENT)).orElse("unknown"));
        info.putIfAbsent("injection", Optional.ofNullable(TckSettings.get(TckSettings.INJECTION)).orElse("bootstrap"));
        info.put("finished", Instant.now().toString());
        RunResult r = new RunResult(info, list);
        Path dir = ReportLocation.reportDirectory();
        try {
            new ReportWriter(dir).write(r);
            LOG.info("drmaa2j TCK {}: {}; report in {}", r.label(), r.summary(), dir);
        } catch (IOException e) {
            LOG.warn("cannot write the TCK report to {}", dir, e);
        }
        results.clear();
        containerFailures.clear();
    }

    /** Tests that never ran, because their class failed to start, count as failed. */
    private void recordNotRun(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier t : plan.getDescendants(root)) {
                Optional<Assertion> a = assertionOf(t);
                if (a.isEmpty() || results.containsKey(a.get().id())) continue;
                String why = "did not run";
                for (Optional<TestIdentifier> p = plan.getParent(t); p.isPresent(); p = plan.getParent(p.get())) {
                    String f = containerFailures.get(p.get().getUniqueId());
                    if (f != null) {
                        why = "did not run: " + f;
                        break;
                    }
                }
                record(a.get(), t, AssertionResult.FAIL, why);
            }
        }
    }

    private void record(Assertion a, TestIdentifier test, String outcome, String message) {
        record(a, test, outcome, message, null);
    }

    private void record(Assertion a, TestIdentifier test, String outcome, String message, String capability) {
        String name = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().replaceAll("^.*\\.", "") + "." + m.getMethodName()).orElse(test.getDisplayName());
        AssertionResult r = new AssertionResult(a.id(), a.section(), a.value(), name, outcome, capability, message);
        results.merge(a.id(), r, AssertionResult::merge);
    }

    private static Optional<Assertion> assertionOf(TestIdentifier test) {
        if (test.getSource().isEmpty() || !(test.getSource().get() instanceof MethodSource ms)) return Optional.empty();
        try {
            Method m = ms.getJavaMethod();
            return Optional.ofNullable(m.getAnnotation(Assertion.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("no reason given");
    }
}
