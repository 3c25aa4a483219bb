// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import org.drmaa2j.provider.Drmaa2Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Finds installed drivers and creates session managers. A driver is chosen by the name passed in,
 * else by the system property {@value #DRIVER_PROPERTY}, else by the environment variable
 * {@value #DRIVER_ENV}, else it is the only one installed.
 *
 * <pre>{@code
 * try (SessionManager sm = Drmaa2.getSessionManager();
 *      JobSession js = sm.createJobSession("demo", null)) {
 *     Job job = js.runJob(JobTemplate.builder("/bin/echo").args("hello").build());
 *     job.waitTerminated(Timeouts.INFINITE);
 * }
 * }</pre>
 *
 * <p><b>Class loaders.</b> Drivers are found with {@link ServiceLoader} through a class loader: the one
 * passed in, else the {@linkplain #getDefaultClassLoader() default}. On the class path a driver registers
 * in {@code META-INF/services/org.drmaa2j.provider.Drmaa2Provider}; on the module path its module
 * {@code provides org.drmaa2j.provider.Drmaa2Provider}. The providers found are kept per class loader
 * (as {@code javax.cache.Caching} keeps its caching providers), so each provider is created once per class
 * loader and later lookups do not scan the class path again; {@link #forgetProviders(ClassLoader)} drops
 * them, for instance before an application's class loader is discarded. A lookup that fails is not kept.
 */
public final class Drmaa2 {
    /** System property naming the driver to use. */
    public static final String DRIVER_PROPERTY = "drmaa2j.driver";
    /** Environment variable naming the driver to use. */
    public static final String DRIVER_ENV = "DRMAA2J_DRIVER";

    private static final Map<ClassLoader, List<Drmaa2Provider>> PROVIDERS = new WeakHashMap<>();

    private Drmaa2() {
    }

    /**
     * @return a session manager of the driver chosen by property, environment or as the only one
     * @throws DriverSelectionException if no driver or several are installed and none is chosen
     */
    public static SessionManager getSessionManager() {
        return getSessionManager(null, null, Map.of());
    }

    /**
     * @param driverName a driver name, or null to choose as {@link #getSessionManager()} does
     * @return a session manager of that driver
     * @throws DriverSelectionException if no installed driver has that name
     */
    public static SessionManager getSessionManager(String driverName) {
        return getSessionManager(null, driverName, Map.of());
    }

    /**
     * @param driverName a driver name, or null to choose as {@link #getSessionManager()} does
     * @param properties driver settings
     * @return a session manager of that driver
     * @throws DriverSelectionException if no installed driver matches, or several do
     * @throws InvalidArgumentException if the driver does not accept a setting
     */
    public static SessionManager getSessionManager(String driverName, Map<String, String> properties) {
        return getSessionManager(null, driverName, properties);
    }

    /**
     * Creates a session manager of a driver found through the given class loader.
     *
     * @param classLoader the class loader to find drivers with, or null for the {@linkplain #getDefaultClassLoader() default}
     * @param driverName a driver name, or null to choose as {@link #getSessionManager()} does
     * @param properties driver settings, or null for none
     * @return a session manager of that driver
     * @throws DriverSelectionException if no driver visible to the class loader matches, or several do
     * @throws InvalidArgumentException if the driver does not accept a setting
     */
    public static SessionManager getSessionManager(ClassLoader classLoader, String driverName, Map<String, String> properties) {
        return getProvider(classLoader, driverName).createSessionManager(properties == null ? Map.of() : properties);
    }

    /**
     * @param driverName a driver name, or null to choose by property, environment or uniqueness
     * @return the matching provider
     * @throws DriverSelectionException if no installed driver matches, or several do
     */
    public static Drmaa2Provider getProvider(String driverName) {
        return getProvider(null, driverName);
    }

    /**
     * @param classLoader the class loader to find drivers with, or null for the {@linkplain #getDefaultClassLoader() default}
     * @param driverName a driver name, or null to choose by property, environment or uniqueness
     * @return the matching provider
     * @throws DriverSelectionException if no driver visible to the class loader matches, or several do
     */
    public static Drmaa2Provider getProvider(ClassLoader classLoader, String driverName) {
        List<Drmaa2Provider> installed = getProviders(classLoader);
        String wanted = firstNonBlank(driverName, System.getProperty(DRIVER_PROPERTY), System.getenv(DRIVER_ENV));
        if (wanted != null) {
            String w = wanted.trim().toLowerCase(Locale.ROOT);
            return installed.stream().filter(p -> p.getName().toLowerCase(Locale.ROOT).equals(w)).findFirst()
                    .orElseThrow(() -> new DriverSelectionException("No drmaa2j driver named '" + wanted
                            + "' is installed. " + describe(installed)));
        }
        if (installed.size() == 1) return installed.get(0);
        if (installed.isEmpty()) {
            throw new DriverSelectionException("No drmaa2j driver is installed: put a driver jar such as "
                    + "drmaa2j-driver-local on the class path or the module path.");
        }
        throw new DriverSelectionException("Several drmaa2j drivers are installed and none was chosen: pass a name, "
                + "or set the system property " + DRIVER_PROPERTY + " or the environment variable " + DRIVER_ENV
                + ". " + describe(installed));
    }

    /**
     * @return every provider visible to the {@linkplain #getDefaultClassLoader() default class loader}, sorted by name
     * @throws DriverSelectionException if a registered driver cannot be loaded; the message says which and why
     */
    public static List<Drmaa2Provider> getProviders() {
        return getProviders(null);
    }

    /**
     * Finds the providers visible to a class loader: the first call per class loader runs
     * {@link ServiceLoader}, later calls return the same provider instances.
     *
     * @param classLoader the class loader to find drivers with, or null for the {@linkplain #getDefaultClassLoader() default}
     * @return every provider visible to it, sorted by name; an unmodifiable list
     * @throws DriverSelectionException if a registered driver cannot be loaded; the message says which and why
     */
    public static List<Drmaa2Provider> getProviders(ClassLoader classLoader) {
        ClassLoader cl = classLoader != null ? classLoader : getDefaultClassLoader();
        synchronized (PROVIDERS) {
            List<Drmaa2Provider> known = PROVIDERS.get(cl);
            if (known != null) return known;
        }
        List<Drmaa2Provider> found = load(cl);
        synchronized (PROVIDERS) {
            return PROVIDERS.computeIfAbsent(cl, k -> found);
        }
    }

    /**
     * Forgets the providers found for a class loader, so that the next lookup through it runs
     * {@link ServiceLoader} again: after a driver jar was added, or before the class loader is discarded.
     * Session managers already created are not affected.
     *
     * @param classLoader the class loader, or null for the {@linkplain #getDefaultClassLoader() default}
     */
    public static void forgetProviders(ClassLoader classLoader) {
        ClassLoader cl = classLoader != null ? classLoader : getDefaultClassLoader();
        synchronized (PROVIDERS) {
            PROVIDERS.remove(cl);
        }
    }

    /**
     * @return the class loader used when none is given: the current thread's context class loader, else the
     *         one that loaded this class
     */
    public static ClassLoader getDefaultClassLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Drmaa2.class.getClassLoader();
    }

    private static List<Drmaa2Provider> load(ClassLoader cl) {
        List<Drmaa2Provider> list = new ArrayList<>();
        try {
            for (Drmaa2Provider p : ServiceLoader.load(Drmaa2Provider.class, cl)) {
                list.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new DriverSelectionException("A drmaa2j driver cannot be loaded: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
        }
        list.sort(Comparator.comparing(Drmaa2Provider::getName));
        return List.copyOf(list);
    }

    private static String describe(List<Drmaa2Provider> installed) {
        if (installed.isEmpty()) return "None is installed.";
        return "Installed: " + installed.stream().map(p -> p.getName() + " (" + p.getDescription() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
