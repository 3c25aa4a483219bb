// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.testcontainers.utility.DockerImageName;

/**
 * Slurm 20.11, 22.05 or 24.11 ({@link SlurmVersion}) in one container: slurmctld, slurmd, slurmdbd with MariaDB (real {@code sacct}),
 * munge, the Torque-style wrappers {@code qsub/qstat/qdel/qhold/qrls}, and sshd.
 *
 * <p>The cluster {@value #CLUSTER} has one node, {@code localhost}, with {@value #CPUS} CPUs and
 * {@value #GPUS} fake GPUs ({@code --gres=gpu:N} schedules for real), and the partitions
 * {@value #DEFAULT_PARTITION} (default) and {@value #OTHER_PARTITION}. Finished jobs leave
 * {@code squeue} after {@code MinJobAge}, {@value #MIN_JOB_AGE_SECONDS} s. {@code scontrol
 * suspend} is for administrators, as in any Slurm; users stop and continue their jobs with
 * {@code scancel -s STOP/CONT}.
 */
public class SlurmContainer extends ClusterContainer<SlurmContainer> {

    /** The line the container prints once the node is idle and accounting answers. */
    public static final String READY_LINE = "SLURM READY";
    /** The cluster name in slurm.conf and in the accounting database. */
    public static final String CLUSTER = "drmaa2j";
    /** The default partition. */
    public static final String DEFAULT_PARTITION = "debug";
    /** A second partition on the same node. */
    public static final String OTHER_PARTITION = "batch";
    /** CPUs the node declares. */
    public static final int CPUS = 8;
    /** Fake GPUs the node declares ({@code gres/gpu}). */
    public static final int GPUS = 2;
    /** Seconds a finished job stays visible to {@code squeue}. */
    public static final int MIN_JOB_AGE_SECONDS = 60;

    static final List<String> IMAGE_FILES = List.of("slurm/slurm.conf", "slurm/gres.conf",
            "slurm/slurmdbd.conf", "slurm/entrypoint.sh", "slurm/healthcheck.sh",
            "common/sshd_config", "common/cluster-lib.sh");

    /**
     * How long the cluster may take to start: about 30 s on an idle machine, several times that on a
     * loaded one; a safety cap, not an expectation.
     */
    static final Duration STARTUP_CAP = Duration.ofMinutes(6);

    private final SlurmVersion version;

    /** A container of Slurm {@link SlurmVersion#DEFAULT}, from the definition in this jar (built once per content). */
    public SlurmContainer() {
        this(SlurmVersion.DEFAULT);
    }

    /**
     * A container of the image built from the definition in this jar for one release (built once per
     * content and release).
     *
     * @param version the Slurm release
     */
    public SlurmContainer(SlurmVersion version) {
        super(new DockerfileImage("drmaa2j/slurm", "slurm/Dockerfile", IMAGE_FILES, Map.of("SUITE", version.suite())),
                READY_LINE, STARTUP_CAP);
        this.version = version;
    }

    /**
     * A container of an image built elsewhere from the same definition.
     *
     * @param image the image
     * @param version the Slurm release it holds
     */
    public SlurmContainer(DockerImageName image, SlurmVersion version) {
        super(image, READY_LINE, STARTUP_CAP);
        this.version = version;
    }

    /** @return the Slurm release of this container */
    public SlurmVersion version() {
        return version;
    }
}
