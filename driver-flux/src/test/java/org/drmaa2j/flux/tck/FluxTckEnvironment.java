// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux.tck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drmaa2j.flux.FluxProvider;
import org.drmaa2j.tck.JobFileReader;
import org.drmaa2j.tck.containers.ContainerTckEnvironment;
import org.drmaa2j.tck.TckSettings;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.FluxContainer;
import org.drmaa2j.tck.env.CommandFileReader;

/**
 * The TCK against a single-node Flux instance in a container ({@link FluxContainer}, built
 * {@code FROM fluxrm/flux-sched}), reached with {@code docker exec} as the unprivileged user
 * {@value ClusterContainer#USER}. The base image comes from a registry, so this environment is for
 * machines that reach one; it is used only when selected explicitly with
 * {@code -Ddrmaa2j.tck.environment=flux-container}, and a run that selects it where the image
 * cannot be built fails saying so. Without a registry, run the suite inside a Flux instance with
 * the built-in {@code existing} environment instead (see the module's README).
 */
public final class FluxTckEnvironment extends ContainerTckEnvironment<FluxContainer> {
    /** The name that selects this environment. */
    public static final String NAME = "flux-container";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String driverName() {
        return "flux";
    }

    @Override
    public void start() {
        if (!NAME.equals(TckSettings.get(TckSettings.ENVIRONMENT))) {
            throw new IllegalStateException("The Flux container environment needs a registry for " + FluxContainer.BASE_IMAGE
                    + "; select it explicitly with -D" + TckSettings.ENVIRONMENT + "=" + NAME
                    + ", or run inside a Flux instance with -D" + TckSettings.ENVIRONMENT + "=existing");
        }
        try {
            super.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The Flux container did not start (it is built FROM " + FluxContainer.BASE_IMAGE
                    + ", which needs a container registry): " + e.getMessage(), e);
        }
    }

    @Override
    protected FluxContainer newCluster() {
        return new FluxContainer();
    }
}
