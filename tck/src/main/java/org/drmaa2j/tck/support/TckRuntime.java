// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.SessionManager;
import org.drmaa2j.tck.SessionManagerInjection;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckExclusions;
import org.drmaa2j.tck.TckSettings;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.env.TckEnvironments;
import org.drmaa2j.tck.report.ReportKeys;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What lives for the whole test JVM: the started environment and the session manager under test.
 * Kept in the root store of JUnit, so it is created before the first test and closed after the last.
 */
final class TckRuntime implements ExtensionContext.Store.CloseableResource {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("org.drmaa2j.tck");

    final TckEnvironment environment;
    final TckTimings timings;
    final SessionManager manager;
    final String injection;
    final TckExclusions exclusions;
    private final AutoCloseable owner;

    private TckRuntime(TckEnvironment environment, TckTimings timings, SessionManager manager, String injection, AutoCloseable owner) {
        this.environment = environment;
        this.timings = timings;
        this.manager = manager;
        this.injection = injection;
        this.owner = owner;
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        this.exclusions = TckExclusions.load(cl != null ? cl : TckRuntime.class.getClassLoader());
    }

    /** Holds either the runtime or why it could not start, so a failed start is tried once per JVM. */
    private record Holder(TckRuntime runtime, RuntimeException failure) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            if (runtime != null) runtime.close();
        }
    }

    static TckRuntime get(ExtensionContext context) {
        Holder h = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, k -> {
            try {
                return new Holder(start(), null);
            } catch (RuntimeException | Error e) {
                return new Holder(null, new IllegalStateException("The TCK environment could not start: " + e, e));
            }
        }, Holder.class);
        if (h.failure != null) throw h.failure;
        return h.runtime;
    }

    private static TckRuntime start() {
        TckEnvironment env = TckEnvironments.select();
        env.start();
        try {
            TckTimings timings = TckSettings.timings(env.timings());
            String injection = TckSettings.get(TckSettings.INJECTION);
            injection = injection == null ? "bootstrap" : injection.toLowerCase(Locale.ROOT);
            if (injection.equals("bootstrap")) {
                SessionManager sm = Drmaa2.getSessionManager(env.driverName(), env.driverProperties());
                return new TckRuntime(env, timings, sm, injection, sm);
            }
            SessionManagerInjection.Injected i = injection(injection).inject(env.driverName(), env.driverProperties());
            return new TckRuntime(env, timings, i.sessionManager(), injection, i.owner());
        } catch (RuntimeException e) {
            env.stop();
            throw e;
        }
    }

    /** @return the registered injection of that name ({@code cdi} comes with drmaa2j-tck-cdi) */
    private static SessionManagerInjection injection(String name) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        StringBuilder known = new StringBuilder("bootstrap");
        for (SessionManagerInjection i : ServiceLoader.load(SessionManagerInjection.class, cl != null ? cl : TckRuntime.class.getClassLoader())) {
            if (i.name().equals(name)) return i;
            known.append(", ").append(i.name());
        }
        throw new IllegalArgumentException(TckSettings.INJECTION + "='" + name + "' is not available; available: [" + known
                + "] (cdi needs drmaa2j-tck-cdi on the test class path)");
    }

    Map<String, String> runEntries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ReportKeys.RUN_DRIVER, environment.driverName());
        m.put(ReportKeys.RUN_ENVIRONMENT, environment.name());
        m.put(ReportKeys.RUN_INJECTION, injection);
        m.put(ReportKeys.RUN_DRMS, safe(() -> manager.getDrmsName() + " " + manager.getDrmsVersion()));
        m.put(ReportKeys.RUN_DRMAA, safe(() -> manager.getDrmaaName() + " " + manager.getDrmaaVersion()));
        m.put(ReportKeys.RUN_EXCLUSIONS, exclusions.source());
        return m;
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            owner.close();
        } finally {
            environment.stop();
        }
    }
}
