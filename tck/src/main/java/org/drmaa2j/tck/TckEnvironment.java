// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.util.List;
import java.util.Map;

/**
 * How a driver's build plugs into the TCK: registered with {@link java.util.ServiceLoader} in the
 * driver's test resources as {@code META-INF/services/org.drmaa2j.tck.TckEnvironment}. It names the
 * driver and the cluster the suite runs against. What the driver supports is never asked here: the
 * TCK asks {@link org.drmaa2j.SessionManager#supports(org.drmaa2j.Capability)}.
 *
 * <p>{@link #start()} is called once per test JVM before the first test, {@link #stop()} once after
 * the last. The system property {@value TckSettings#ENVIRONMENT} selects an environment by
 * {@link #name()}; {@code existing} selects the built-in environment for the cluster of the
 * machine the TCK runs on.
 */
public interface TckEnvironment {
    /** @return a short name for this environment, used in the report, such as {@code local} or {@code slurm-container} */
    String name();

    /** @return the driver name passed to {@link org.drmaa2j.Drmaa2#getSessionManager(String, Map)} */
    String driverName();

    /** @return the driver properties passed to {@link org.drmaa2j.Drmaa2#getSessionManager(String, Map)}; valid after {@link #start()} */
    default Map<String, String> driverProperties() {
        return Map.of();
    }

    /** Brings the cluster up; called once per JVM before any session manager is created. */
    default void start() {
    }

    /** Shuts the cluster down; called once per JVM after the last test. */
    default void stop() {
    }

    /** @return the contact string for new sessions, or null for the driver's default */
    default String contact() {
        return null;
    }

    /** @return queues that exist and accept the TCK's jobs; the first is used where a queue is named */
    default List<String> queueNames() {
        return List.of();
    }

    /** @return machines that exist and run the TCK's jobs; the first is used where a machine is named */
    default List<String> machineNames() {
        return List.of();
    }

    /**
     * @return an absolute directory that exists, that every job can write and that
     *         {@link #fileReader()} can read; the TCK makes unique names below it
     */
    String scratchDirectory();

    /** @return how the TCK reads a file a job wrote, given its path as the job sees it */
    JobFileReader fileReader();

    /** @return how long the cluster takes; system properties can still override each value */
    default TckTimings timings() {
        return TckTimings.DEFAULT;
    }

    /** @return the account charged where a test sets {@code accountingId}, or null to use the TCK's own value */
    default String accountingId() {
        return null;
    }
}
