// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j API: one DRMAA2-modelled way to submit, control and watch jobs on any scheduler.
 * Start at {@link org.drmaa2j.Drmaa2}.
 */
package org.drmaa2j;
