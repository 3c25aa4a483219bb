// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code lsf} driver: IBM Spectrum LSF through {@code bsub}, {@code bjobs}, {@code bhist},
 * {@code bacct}, {@code bstop}, {@code bresume} and {@code bkill}, with {@code bqueues},
 * {@code bhosts} and {@code lshosts} for monitoring. The module's README lists what it supports.
 */
package org.drmaa2j.lsf;
