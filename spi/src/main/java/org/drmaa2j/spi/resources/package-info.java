// SPDX-License-Identifier: Apache-2.0
/**
 * The common resource model that every command-line driver translates into its scheduler's flags.
 *
 * <p>{@link org.drmaa2j.spi.resources.ResourceRequest} reads nodes, tasks, CPUs per task, memory,
 * GPUs, wall-clock limit, queue and account from a template's DRMAA2 attributes and its
 * {@code drmaa2j.*} extension keys; {@link org.drmaa2j.spi.resources.Dependencies} and
 * {@link org.drmaa2j.spi.resources.NativeOptions} check and split the dependency and native-option
 * extensions. A value that is not acceptable fails with an
 * {@link org.drmaa2j.InvalidArgumentException} naming the key, before anything is submitted.
 */
package org.drmaa2j.spi.resources;
