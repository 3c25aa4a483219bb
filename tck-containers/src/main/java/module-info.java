// SPDX-License-Identifier: Apache-2.0
/**
 * Scheduler clusters in containers for the drmaa2j TCK, and {@link org.drmaa2j.tck.containers.ContainerTckEnvironment}, the
 * base of a driver's environment whose cluster runs in one. Testcontainers has no module name of its own, so it is read as the
 * automatic module named after its jar ({@code testcontainers}).
 */
module org.drmaa2j.tck.containers {
    requires transitive org.drmaa2j.tck;
    requires transitive testcontainers;
    requires org.slf4j;
    requires com.github.dockerjava.api;

    exports org.drmaa2j.tck.containers;
}
