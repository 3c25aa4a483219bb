// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cdi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.drmaa2j.Drmaa2;

/**
 * What the CDI producer passes to {@link Drmaa2}: the driver named by the system property
 * {@value Drmaa2#DRIVER_PROPERTY} (else the environment variable, else the only driver installed),
 * and driver properties from system properties {@code drmaa2j.config.KEY=VALUE}.
 *
 * @param driverName the driver name, or null to let {@link Drmaa2} choose
 * @param properties the driver properties
 */
public record Drmaa2CdiConfiguration(String driverName, Map<String, String> properties) {
    /** Prefix of the system properties that become driver properties. */
    public static final String PROPERTY_PREFIX = "drmaa2j.config.";

    /**
     * Copies the properties.
     *
     * @param driverName the driver name, or null to let {@link Drmaa2} choose
     * @param properties the driver properties
     */
    public Drmaa2CdiConfiguration {
        properties = Map.copyOf(properties);
    }

    /** @return the configuration read from the system properties now */
    public static Drmaa2CdiConfiguration fromSystemProperties() {
        return from(System.getProperties());
    }

    /**
     * @param p properties to read
     * @return the configuration they hold
     */
    public static Drmaa2CdiConfiguration from(Properties p) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX) && name.length() > PROPERTY_PREFIX.length()) {
                props.put(name.substring(PROPERTY_PREFIX.length()), p.getProperty(name));
            }
        }
        String driver = p.getProperty(Drmaa2.DRIVER_PROPERTY);
        return new Drmaa2CdiConfiguration(driver == null || driver.isBlank() ? null : driver.trim(), props);
    }
}
