// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.time.Duration;
import java.util.List;

import org.testcontainers.utility.DockerImageName;

/**
 * An HTCondor 23.9.6 personal pool in one container (Debian trixie's {@code htcondor}):
 * condor_master with the collector and negotiator, the schedd and the startd on the one host
 * {@code localhost}, talking over the loopback interface with host-based security for the
 * container alone, and sshd. Jobs are submitted and run as the unprivileged user
 * {@value ClusterContainer#USER}.
 *
 * <p>The startd offers one partitionable slot of {@value #CPUS} CPUs and {@value #MEMORY_MB} MiB;
 * the negotiator matches every {@value #NEGOTIATOR_INTERVAL_SECONDS} s and the schedd evaluates
 * periodic expressions ({@code periodic_remove}) every {@value #PERIODIC_EXPR_INTERVAL_SECONDS} s,
 * so jobs start and wall-clock limits take effect within seconds.
 */
public class HTCondorContainer extends ClusterContainer<HTCondorContainer> {

    /** The line the container prints once the slot shows in condor_status and the schedd answers. */
    public static final String READY_LINE = "HTCONDOR READY";
    /** CPUs of the partitionable slot. */
    public static final int CPUS = 16;
    /** Memory of the partitionable slot, in MiB. */
    public static final int MEMORY_MB = 8192;
    /** The negotiator's cycle. */
    public static final int NEGOTIATOR_INTERVAL_SECONDS = 2;
    /** How often the schedd evaluates periodic expressions. */
    public static final int PERIODIC_EXPR_INTERVAL_SECONDS = 5;

    static final List<String> IMAGE_FILES = List.of("htcondor/personal-pool.conf", "htcondor/entrypoint.sh",
            "htcondor/healthcheck.sh", "common/sshd_config", "common/cluster-lib.sh");

    /** A container of the image built from the definition in this jar (built once per content). */
    public HTCondorContainer() {
        super(new DockerfileImage("drmaa2j/htcondor", "htcondor/Dockerfile", IMAGE_FILES), READY_LINE, Duration.ofMinutes(3));
    }

    /**
     * A container of an image built elsewhere from the same definition.
     *
     * @param image the image
     */
    public HTCondorContainer(DockerImageName image) {
        super(image, READY_LINE, Duration.ofMinutes(3));
    }
}
