// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code flux} driver: a Flux instance through the command-line tools of flux-core 0.48 or
 * later ({@code flux submit}, {@code flux jobs}, {@code flux job}, {@code flux cancel}), every
 * command run with {@code FLUX_F58_FORCE_ASCII=1}. The module's README lists what it supports.
 */
package org.drmaa2j.flux;
