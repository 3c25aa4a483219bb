// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.env;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckSettings;

/** Chooses the environment of a TCK run. */
public final class TckEnvironments {
    private TckEnvironments() {
    }

    /**
     * @return the environment named by {@value TckSettings#ENVIRONMENT}: {@code existing} for
     *         {@link ExistingClusterEnvironment}, else the registered environment of that name; without the
     *         property, the only registered environment
     * @throws IllegalStateException if none or several match
     */
    public static TckEnvironment select() {
        String wanted = TckSettings.get(TckSettings.ENVIRONMENT);
        if (ExistingClusterEnvironment.NAME.equals(wanted)) return new ExistingClusterEnvironment();
        List<TckEnvironment> registered = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(TckEnvironment.class, cl != null ? cl : TckEnvironments.class.getClassLoader()).forEach(registered::add);
        String names = registered.stream().map(TckEnvironment::name).collect(Collectors.joining(", "));
        if (wanted != null) {
            return registered.stream().filter(e -> e.name().equals(wanted)).findFirst().orElseThrow(() -> new IllegalStateException(
                    "No TCK environment named '" + wanted + "'; registered: [" + names + "], built in: [" + ExistingClusterEnvironment.NAME + "]"));
        }
        if (registered.size() == 1) return registered.get(0);
        if (registered.isEmpty()) {
            throw new IllegalStateException("No TCK environment: register one in META-INF/services/" + TckEnvironment.class.getName()
                    + " of the driver's test resources, or set -D" + TckSettings.ENVIRONMENT + "=" + ExistingClusterEnvironment.NAME);
        }
        throw new IllegalStateException("Several TCK environments are registered [" + names + "]; choose one with -D" + TckSettings.ENVIRONMENT);
    }
}
