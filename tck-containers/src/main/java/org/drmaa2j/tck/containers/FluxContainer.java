// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.time.Duration;
import java.util.List;

import org.testcontainers.utility.DockerImageName;

/**
 * A single-node Flux instance in one container: flux-core with the Fluxion scheduler, from the
 * image {@value #BASE_IMAGE}, started with {@code flux start} and owned by the unprivileged user
 * {@value ClusterContainer#USER}, who submits and runs the jobs, plus sshd. The instance's URI is
 * {@value #FLUX_URI}, set in the container's environment, so {@code docker exec -u drmaa … flux …}
 * reaches it. No queues are configured. The base image comes from a registry: this container can
 * be built only on a machine that reaches one.
 */
public class FluxContainer extends ClusterContainer<FluxContainer> {

    /** The line the container prints once the instance has run a job. */
    public static final String READY_LINE = "FLUX READY";
    /** The image the definition starts from. */
    public static final String BASE_IMAGE = "fluxrm/flux-sched:latest";
    /** The instance's local URI inside the container. */
    public static final String FLUX_URI = "local:///run/flux/local";

    static final List<String> IMAGE_FILES = List.of("flux/entrypoint.sh", "flux/healthcheck.sh",
            "common/sshd_config", "common/cluster-lib.sh");

    /** A container of the image built from the definition in this jar (built once per content). */
    public FluxContainer() {
        super(new DockerfileImage("drmaa2j/flux", "flux/Dockerfile", IMAGE_FILES), READY_LINE, Duration.ofMinutes(5));
    }

    /**
     * A container of an image built elsewhere from the same definition.
     *
     * @param image the image
     */
    public FluxContainer(DockerImageName image) {
        super(image, READY_LINE, Duration.ofMinutes(5));
    }
}
