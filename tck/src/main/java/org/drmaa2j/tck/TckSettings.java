// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The system properties the TCK reads, in one place. */
public final class TckSettings {
    /** Selects the environment by {@link TckEnvironment#name()}; {@code existing} is the cluster of this machine. */
    public static final String ENVIRONMENT = "drmaa2j.tck.environment";
    /** How the session manager is obtained: {@code bootstrap} (the default, {@link org.drmaa2j.Drmaa2}) or {@code cdi}. */
    public static final String INJECTION = "drmaa2j.tck.injection";
    /** Driver name for the {@code existing} environment. */
    public static final String DRIVER = "drmaa2j.tck.driver";
    /** Prefix of driver properties for the {@code existing} environment: {@code drmaa2j.tck.property.KEY=VALUE}. */
    public static final String PROPERTY_PREFIX = "drmaa2j.tck.property.";
    /** Contact string for the {@code existing} environment. */
    public static final String CONTACT = "drmaa2j.tck.contact";
    /** Comma-separated queue names for the {@code existing} environment. */
    public static final String QUEUES = "drmaa2j.tck.queues";
    /** Comma-separated machine names for the {@code existing} environment. */
    public static final String MACHINES = "drmaa2j.tck.machines";
    /** Scratch directory for the {@code existing} environment, on a file system jobs and the TCK share. */
    public static final String SCRATCH = "drmaa2j.tck.scratch";
    /** Account for tests of {@code accountingId} in the {@code existing} environment. */
    public static final String ACCOUNTING_ID = "drmaa2j.tck.accountingId";
    /** Overrides {@link TckTimings#schedulingDelay()} in any environment: seconds or an ISO-8601 duration. */
    public static final String SCHEDULING_DELAY = "drmaa2j.tck.schedulingDelay";
    /** Overrides {@link TckTimings#jobTimeout()} in any environment: seconds or an ISO-8601 duration. */
    public static final String JOB_TIMEOUT = "drmaa2j.tck.jobTimeout";
    /** Where the report goes; by default {@code target/tck-report} of the root project. */
    public static final String REPORT_DIR = "drmaa2j.tck.reportDir";
    /** Set by Maven to the root project directory; surefire passes it on when configured to. */
    public static final String ROOT_DIR = "maven.multiModuleProjectDirectory";

    private TckSettings() {
    }

    /** @param name a property @return its trimmed value, or null when unset or blank */
    public static String get(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** @param name a property @return its comma-separated values, empty when unset */
    public static List<String> list(String name) {
        String v = get(name);
        if (v == null) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @param prefix a property prefix @return every property with it, keyed by the rest of the name */
    public static Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        Properties p = System.getProperties();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) out.put(name.substring(prefix.length()), p.getProperty(name));
        }
        return out;
    }

    /**
     * @param name a property holding seconds or an ISO-8601 duration
     * @param fallback the value when unset
     * @return the duration
     */
    public static Duration duration(String name, Duration fallback) {
        String v = get(name);
        if (v == null) return fallback;
        try {
            return v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is neither seconds nor an ISO-8601 duration such as PT30S", e);
        }
    }

    /** @param base the environment's timings @return them with the system-property overrides applied */
    public static TckTimings timings(TckTimings base) {
        return base.withSchedulingDelay(duration(SCHEDULING_DELAY, base.schedulingDelay()))
                .withJobTimeout(duration(JOB_TIMEOUT, base.jobTimeout()));
    }
}
