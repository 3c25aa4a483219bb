// SPDX-License-Identifier: Apache-2.0
/**
 * Scheduler clusters in containers for the TCK, in the style of Testcontainers modules: one
 * class per scheduler, built from the image definitions shipped in this jar and reused across
 * runs by a content-hash tag. Containers are reached only through ports mapped on the local
 * host and through {@code docker exec}.
 *
 * <p>Without a registry, run Testcontainers with {@code TESTCONTAINERS_RYUK_DISABLED=true} and
 * {@code TESTCONTAINERS_HOST_OVERRIDE=localhost}; the images start {@code FROM debian:bookworm},
 * which must then exist locally.
 */
package org.drmaa2j.tck.containers;
