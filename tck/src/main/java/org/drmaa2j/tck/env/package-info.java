// SPDX-License-Identifier: Apache-2.0
/**
 * Where the cluster under test comes from: a container started by Testcontainers, the cluster of the
 * machine the TCK runs on, or a login node over SSH; and how the TCK reads the files jobs wrote there.
 */
package org.drmaa2j.tck.env;
