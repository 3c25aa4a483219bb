// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.drmaa2j.InvalidArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The properties a driver was created with ({@link org.drmaa2j.provider.Drmaa2Provider#createSessionManager}),
 * falling back to system properties of the same name, read through typed getters: a value that is not
 * of the key's type raises {@link InvalidArgumentException} whose field is the key, and the message
 * says what was expected and what was given.
 *
 * <p>Keys every driver shares are in {@link #SHARED_KEYS}; a driver names its own keys when it creates
 * its settings (by convention {@code drmaa2j.<driver>.…}). A {@code drmaa2j.*} key in the properties
 * that is neither (a typo, or a setting of another driver) is logged as a warning, once per driver and
 * key in this JVM, and otherwise ignored.
 */
public final class DriverSettings {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSettings.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** Root directory of the persistent session store; default {@code ~/.drmaa2j/<driver>}. */
    public static final String STATE_DIR = "drmaa2j.stateDir";
    /**
     * Poll interval in milliseconds while someone waits; unless a backend says otherwise 1000, so that
     * a connection makes at most one status call per second however many threads wait.
     */
    public static final String POLL_FAST_MS = "drmaa2j.poll.fastMillis";
    /** Poll interval in milliseconds when nobody waits. */
    public static final String POLL_SLOW_MS = "drmaa2j.poll.slowMillis";

    /**
     * The keys every driver of the kit understands: the ones above, the contact, the job script template,
     * retries, submission reconciliation and the SSH transport. (The driver name {@code drmaa2j.driver} is
     * accepted too: it is the bootstrap's.)
     */
    public static final Set<String> SHARED_KEYS = Set.of(
            "drmaa2j.driver",
            STATE_DIR, POLL_FAST_MS, POLL_SLOW_MS,
            "drmaa2j.markers", "drmaa2j.markers.fastMillis", "drmaa2j.markers.slowMillis",
            "drmaa2j.contact",
            "drmaa2j.template", "drmaa2j.templateDir",
            "drmaa2j.retry.attempts", "drmaa2j.retry.initialBackoffMs", "drmaa2j.retry.maxBackoffMs", "drmaa2j.retry.budgetMs",
            "drmaa2j.reconcile.graceMillis",
            "drmaa2j.exec.posixSpawn",
            "drmaa2j.ssh.identity", "drmaa2j.ssh.agentSocket", "drmaa2j.ssh.knownHosts", "drmaa2j.ssh.strictHostKeyChecking",
            "drmaa2j.ssh.connectTimeoutMillis", "drmaa2j.ssh.heartbeatMillis", "drmaa2j.ssh.maxChannels",
            "drmaa2j.ssh.remoteStore", "drmaa2j.ssh.stateDir");

    private final String driverName;
    private final Map<String, String> properties;

    /**
     * Settings whose driver keys are not listed: a {@code drmaa2j.<driverName>.…} key is taken as the
     * driver's, other unknown {@code drmaa2j.*} keys are warned about.
     *
     * @param driverName the driver's short name, used in the default state directory
     * @param properties the properties; null for none
     */
    public DriverSettings(String driverName, Map<String, String> properties) {
        this(driverName, properties, null);
    }

    /**
     * @param driverName the driver's short name, used in the default state directory
     * @param properties the properties; null for none
     * @param driverKeys the driver's own keys besides {@link #SHARED_KEYS}; null to accept every
     *        {@code drmaa2j.<driverName>.…} key
     */
    public DriverSettings(String driverName, Map<String, String> properties, Collection<String> driverKeys) {
        this.driverName = driverName;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
        warnUnknown(driverKeys);
    }

    /** @return the driver's short name */
    public String driverName() {
        return driverName;
    }

    /**
     * @param key a property name
     * @return its value from the properties, else from the system properties, trimmed; empty when unset or blank
     */
    public Optional<String> get(String key) {
        String v = properties.get(key);
        if (v == null || v.isBlank()) v = System.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /**
     * @param key a property name
     * @param dflt the value when unset
     * @return the value, or the default
     */
    public String getString(String key, String dflt) {
        return get(key).orElse(dflt);
    }

    /**
     * @param key a property holding a whole number
     * @param dflt the value when unset
     * @param min the smallest value allowed
     * @return the number
     * @throws InvalidArgumentException naming the key if the value is not a whole number of at least {@code min}
     */
    public int getInt(String key, int dflt, int min) {
        long v = getLong(key, dflt, min);
        if (v > Integer.MAX_VALUE) throw new InvalidArgumentException(key, "must be at most " + Integer.MAX_VALUE + " (was '" + v + "')");
        return (int) v;
    }

    /**
     * @param key a property holding a whole number
     * @param dflt the value when unset
     * @param min the smallest value allowed
     * @return the number
     * @throws InvalidArgumentException naming the key if the value is not a whole number of at least {@code min}
     */
    public long getLong(String key, long dflt, long min) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return dflt;
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(key, "must be a whole number of at least " + min + " (was '" + v.get() + "')");
        }
        if (n < min) throw new InvalidArgumentException(key, "must be a whole number of at least " + min + " (was '" + v.get() + "')");
        return n;
    }

    /**
     * @param key a property holding {@code true}/{@code yes} or {@code false}/{@code no}, in any case
     * @param dflt the value when unset
     * @return the flag
     * @throws InvalidArgumentException naming the key if the value is none of those
     */
    public boolean getBoolean(String key, boolean dflt) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return dflt;
        String s = v.get().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("yes")) return true;
        if (s.equals("false") || s.equals("no")) return false;
        throw new InvalidArgumentException(key, "must be true or false (was '" + v.get() + "')");
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

    /**
     * @param key a property holding a path
     * @return the path, if set
     * @throws InvalidArgumentException naming the key if the value is not a path here
     */
    public Optional<Path> getPath(String key) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Path.of(v.get()));
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidArgumentException(key, "is not a valid path (was '" + v.get() + "'): " + e.getReason());
        }
    }

    /**
     * @param key a property holding a comma-separated list
     * @return its items, trimmed, empty ones left out; empty when unset
     */
    public List<String> getList(String key) {
        List<String> out = new ArrayList<>();
        get(key).ifPresent(v -> {
            for (String s : v.split(",")) if (!s.isBlank()) out.add(s.strip());
        });
        return out;
    }

    /**
     * @param key a property holding one of the constants' names, in any case, {@code -} and {@code _} alike
     * @param type the enum
     * @param dflt the value when unset
     * @param <E> the enum type
     * @return the constant
     * @throws InvalidArgumentException naming the key and the allowed values if the value is none of them
     */
    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E dflt) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return dflt;
        String wanted = v.get().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) return e;
        }
        throw new InvalidArgumentException(key, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + " (was '" + v.get() + "')");
    }

    /**
     * @param key a property holding a time zone id such as {@code UTC} or {@code Europe/Berlin}
     * @param dflt the value when unset
     * @return the zone
     * @throws InvalidArgumentException naming the key if the value is not a time zone
     */
    public ZoneId getZone(String key, ZoneId dflt) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return dflt;
        try {
            return ZoneId.of(v.get());
        } catch (DateTimeException e) {
            throw new InvalidArgumentException(key, "must be a time zone such as UTC or Europe/Berlin (was '" + v.get() + "')");
        }
    }

    /** @return the state directory: {@value #STATE_DIR}, else {@code ~/.drmaa2j/<driver>} */
    public Path stateDirectory() {
        return getPath(STATE_DIR).orElseGet(() -> Path.of(System.getProperty("user.home"), ".drmaa2j", driverName));
    }

    /** @return the {@code drmaa2j.*} keys of the properties that are neither shared nor the driver's */
    Set<String> unknownKeys(Collection<String> driverKeys) {
        Set<String> unknown = new TreeSet<>();
        String own = "drmaa2j." + driverName + ".";
        for (String k : properties.keySet()) {
            if (!k.startsWith("drmaa2j.") || SHARED_KEYS.contains(k)) continue;
            if (driverKeys == null ? k.startsWith(own) : driverKeys.contains(k)) continue;
            unknown.add(k);
        }
        return unknown;
    }

    /** @return the unknown keys warned about now: those not warned about before for this driver */
    Set<String> warnUnknown(Collection<String> driverKeys) {
        Set<String> warned = new TreeSet<>();
        for (String k : unknownKeys(driverKeys)) {
            if (!WARNED.add(driverName + "\u0000" + k)) continue;
            warned.add(k);
            LOG.warn("drmaa2j {} driver: the setting {} is unknown and ignored (a typo, or a setting of another driver?)",
                    driverName, k);
        }
        return warned;
    }
}
