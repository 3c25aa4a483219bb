// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.InvalidArgumentException;

/**
 * The properties a driver was created with ({@link org.drmaa2j.provider.Drmaa2Provider#createSessionManager}),
 * falling back to system properties of the same name. Keys every driver shares are constants here.
 */
public final class DriverSettings {
    /** Root directory of the persistent session store; default {@code ~/.drmaa2j/<driver>}. */
    public static final String STATE_DIR = "drmaa2j.stateDir";
    /**
     * Poll interval in milliseconds while someone waits; unless a backend says otherwise 1000, so that
     * a connection makes at most one status call per second however many threads wait.
     */
    public static final String POLL_FAST_MS = "drmaa2j.poll.fastMillis";
    /** Poll interval in milliseconds when nobody waits. */
    public static final String POLL_SLOW_MS = "drmaa2j.poll.slowMillis";

    private final String driverName;
    private final Map<String, String> properties;

    /**
     * @param driverName the driver's short name, used in the default state directory
     * @param properties the properties; null for none
     */
    public DriverSettings(String driverName, Map<String, String> properties) {
        this.driverName = driverName;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** @return the driver's short name */
    public String driverName() {
        return driverName;
    }

    /**
     * @param key a property name
     * @return its value from the properties, else from the system properties
     */
    public Optional<String> get(String key) {
        String v = properties.get(key);
        if (v == null || v.isBlank()) v = System.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /**
     * @param key a property holding a number of milliseconds
     * @param dflt the default
     * @return the duration
     * @throws InvalidArgumentException naming the key if the value is not a positive number
     */
    public Duration millis(String key, Duration dflt) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return dflt;
        try {
            long ms = Long.parseLong(v.get());
            if (ms <= 0) throw new NumberFormatException();
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(key, "must be a positive number of milliseconds (was '" + v.get() + "')");
        }
    }

    /** @return the state directory: {@value #STATE_DIR}, else {@code ~/.drmaa2j/<driver>} */
    public Path stateDirectory() {
        return get(STATE_DIR).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".drmaa2j", driverName));
    }
}
