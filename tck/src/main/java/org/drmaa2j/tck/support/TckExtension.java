// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.support;

import java.util.Optional;
import org.drmaa2j.JobSession;
import org.drmaa2j.SessionManager;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.TckExclusions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Wires TCK test classes to the run: starts the environment once per JVM, publishes what runs for
 * the report, disables the assertions the driver excludes ({@link TckExclusions}, with the reason), and
 * resolves test parameters: {@link Tck} (the per-test context), {@link JobSession} (a fresh session of
 * that context, cleaned up after the test) and {@link SessionManager}.
 */
public final class TckExtension implements BeforeAllCallback, ParameterResolver, ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Assertion> a = context.getTestMethod().map(m -> m.getAnnotation(Assertion.class));
        if (a.isEmpty()) return ConditionEvaluationResult.enabled("not an assertion");
        TckRuntime runtime = TckRuntime.get(context);
        return runtime.exclusions.reason(a.get().id(), runtime.environment.name())
                .map(r -> ConditionEvaluationResult.disabled(TckExclusions.REASON_PREFIX + r))
                .orElseGet(() -> ConditionEvaluationResult.enabled("not excluded"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.publishReportEntry(TckRuntime.get(context).runEntries());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == Tck.class || t == JobSession.class || t == SessionManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Tck tck = e.getStore(TckRuntime.NAMESPACE).getOrComputeIfAbsent(Tck.class, k -> new Tck(TckRuntime.get(e), e), Tck.class);
        Class<?> t = p.getParameter().getType();
        if (t == Tck.class) return tck;
        if (t == SessionManager.class) return tck.manager();
        return tck.newSession();
    }
}
