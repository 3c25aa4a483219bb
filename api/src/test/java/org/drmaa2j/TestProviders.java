// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import org.drmaa2j.provider.Drmaa2Provider;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Two tiny providers, registered in this module's test META-INF/services, and a loader that shows only some. */
final class TestProviders {
    static final String SERVICES = "META-INF/services/" + Drmaa2Provider.class.getName();

    private TestProviders() {
    }

    /** A provider whose session manager only answers getDrmaaName and echoes the properties it got. */
    abstract static class Base implements Drmaa2Provider {
        @Override
        public String getDescription() {
            return "test provider " + getName();
        }

        @Override
        public SessionManager createSessionManager(Map<String, String> properties) {
            return (SessionManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SessionManager.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getDrmaaName": return "drmaa2j-" + getName();
                            case "getDrmsName": return String.valueOf(properties);
                            case "close": return null;
                            default: throw new OperationUnsupportedException(method.getName());
                        }
                    });
        }
    }

    /** Provider "alpha". */
    public static final class Alpha extends Base {
        @Override
        public String getName() {
            return "alpha";
        }
    }

    /** Provider "beta". */
    public static final class Beta extends Base {
        @Override
        public String getName() {
            return "beta";
        }
    }

    /** A provider that cannot be created, as when a driver jar lacks one of its dependencies. */
    public static final class Broken extends Base {
        /** Fails like a driver whose native library is missing. */
        public Broken() {
            throw new IllegalStateException("native library missing");
        }

        @Override
        public String getName() {
            return "broken";
        }
    }

    /**
     * @param dir a scratch directory
     * @param providers the provider classes to make visible, possibly none
     * @return a loader that sees exactly those providers through ServiceLoader
     */
    static ClassLoader loaderShowing(Path dir, List<Class<? extends Drmaa2Provider>> providers) throws IOException {
        return new ShowingLoader(dir, providers);
    }

    /** A loader that shows the providers in its list, which a test may change, and counts the lookups of the services file. */
    static final class ShowingLoader extends ClassLoader {
        final List<Class<? extends Drmaa2Provider>> providers;
        final AtomicInteger lookups = new AtomicInteger();
        private final Path dir;

        ShowingLoader(Path dir, List<Class<? extends Drmaa2Provider>> providers) {
            super(TestProviders.class.getClassLoader());
            this.dir = dir;
            this.providers = new ArrayList<>(providers);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!SERVICES.equals(name)) return super.getResources(name);
            lookups.incrementAndGet();
            if (providers.isEmpty()) return Collections.emptyEnumeration();
            Path file = Files.createTempFile(dir, "services-", "");
            Files.writeString(file, providers.stream().map(Class::getName).collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
            return Collections.enumeration(List.of(file.toUri().toURL()));
        }
    }
}
