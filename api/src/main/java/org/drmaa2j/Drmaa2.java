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
 */
public final class Drmaa2 {
    /** System property naming the driver to use. */
    public static final String DRIVER_PROPERTY = "drmaa2j.driver";
    /** Environment variable naming the driver to use. */
    public static final String DRIVER_ENV = "DRMAA2J_DRIVER";

    private Drmaa2() {
    }

    /**
     * @return a session manager of the driver chosen by property, environment or as the only one
     * @throws DriverSelectionException if no driver or several are installed and none is chosen
     */
    public static SessionManager getSessionManager() {
        return getSessionManager(null, Map.of());
    }

    /**
     * @param driverName a driver name, or null to choose as {@link #getSessionManager()} does
     * @return a session manager of that driver
     * @throws DriverSelectionException if no installed driver has that name
     */
    public static SessionManager getSessionManager(String driverName) {
        return getSessionManager(driverName, Map.of());
    }

    /**
     * @param driverName a driver name, or null to choose as {@link #getSessionManager()} does
     * @param properties driver settings
     * @return a session manager of that driver
     * @throws DriverSelectionException if no installed driver matches, or several do
     */
    public static SessionManager getSessionManager(String driverName, Map<String, String> properties) {
        return getProvider(driverName).createSessionManager(properties == null ? Map.of() : properties);
    }

    /**
     * @param driverName a driver name, or null to choose by property, environment or uniqueness
     * @return the matching provider
     * @throws DriverSelectionException if no installed driver matches, or several do
     */
    public static Drmaa2Provider getProvider(String driverName) {
        List<Drmaa2Provider> installed = getProviders();
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
                    + "drmaa2j-driver-local on the class path.");
        }
        throw new DriverSelectionException("Several drmaa2j drivers are installed and none was chosen: pass a name, "
                + "or set the system property " + DRIVER_PROPERTY + " or the environment variable " + DRIVER_ENV
                + ". " + describe(installed));
    }

    /**
     * @return every installed provider, sorted by name
     * @throws DriverSelectionException if a registered driver cannot be loaded; the message says which and why
     */
    public static List<Drmaa2Provider> getProviders() {
        List<Drmaa2Provider> list = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try {
            for (Drmaa2Provider p : ServiceLoader.load(Drmaa2Provider.class, cl != null ? cl : Drmaa2.class.getClassLoader())) {
                list.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new DriverSelectionException("A drmaa2j driver on the class path cannot be loaded: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
        }
        list.sort(Comparator.comparing(Drmaa2Provider::getName));
        return list;
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
