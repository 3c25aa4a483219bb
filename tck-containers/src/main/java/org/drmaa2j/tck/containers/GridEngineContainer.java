// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.time.Duration;
import java.util.List;

import org.testcontainers.utility.DockerImageName;

/**
 * Grid Engine 8.1.9 in one container: sge_qmaster and sge_execd on one host with the queue
 * {@value #QUEUE} ({@value #SLOTS} slots, scheduling every second, accounting flushed every
 * second), the DRMAA 1.0 C library {@value #DRMAA_LIBRARY} with Grid Engine's own Java binding,
 * a Java 17 runtime, and sshd.
 *
 * <p>The library needs {@code SGE_ROOT} and {@code SGE_CELL} (set in the container's
 * environment), and a JVM loads it only with {@value #DRMAA_JVM_TUNABLES} or
 * {@code LD_PRELOAD=libjemalloc.so.2}; otherwise it fails with "cannot allocate memory in static
 * TLS block". DRMAA 1.0 allows one session per process.
 *
 * <p>{@code PATH} starts with Grid Engine's programs ({@value #PROGRAMS}), as Grid Engine's own
 * {@code settings.sh} sets it up, and the execution daemon starts jobs through the shepherd program
 * itself: Debian's wrappers in {@code /usr/bin} and {@code /usr/sbin} run the C preprocessor on
 * every call to learn the architecture, which costs seconds per {@code qstat}, {@code qacct} or job
 * on a busy machine (over a minute per {@code qstat} was seen), and the driver and the tests call
 * them often.
 */
public class GridEngineContainer extends ClusterContainer<GridEngineContainer> {

    /** The line the container prints once the queue takes jobs. */
    public static final String READY_LINE = "GRIDENGINE READY";
    /** The cluster queue. */
    public static final String QUEUE = "all.q";
    /** Slots of that queue on the one host. */
    public static final int SLOTS = 8;
    /** {@code SGE_ROOT} in the container. */
    public static final String SGE_ROOT = "/var/lib/gridengine";
    /** {@code SGE_CELL} in the container. */
    public static final String SGE_CELL = "default";
    /** The DRMAA 1.0 C library in the container ({@code /usr/lib/jni/libdrmaa.so} links to it). */
    public static final String DRMAA_LIBRARY = "/usr/lib/gridengine-drmaa/lib/libdrmaa.so.1.0";
    /** Grid Engine's Java binding of DRMAA 1.0 ({@code org.ggf.drmaa}) in the container. */
    public static final String DRMAA_JAVA_BINDING = "/usr/share/java/drmaa.jar";
    /** The environment setting that lets a JVM load {@value #DRMAA_LIBRARY}. */
    public static final String DRMAA_JVM_TUNABLES = "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384";

    /** Grid Engine's programs themselves (not Debian's wrappers). */
    public static final String PROGRAMS = "/usr/lib/gridengine";

    static final List<String> IMAGE_FILES = List.of("gridengine/exechost.conf", "gridengine/queue.conf",
            "gridengine/entrypoint.sh", "gridengine/healthcheck.sh", "common/sshd_config",
            "common/cluster-lib.sh");

    /** A container of the image built from the definition in this jar (built once per content). */
    public GridEngineContainer() {
        super(new DockerfileImage("drmaa2j/gridengine", "gridengine/Dockerfile", IMAGE_FILES), READY_LINE,
                Duration.ofMinutes(3));
    }

    /**
     * A container of an image built elsewhere from the same definition.
     *
     * @param image the image
     */
    public GridEngineContainer(DockerImageName image) {
        super(image, READY_LINE, Duration.ofMinutes(3));
    }
}
