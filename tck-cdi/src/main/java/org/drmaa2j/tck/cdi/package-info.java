// SPDX-License-Identifier: Apache-2.0
/**
 * The CDI run of the TCK: the session manager under test obtained by injection (Weld SE), as an
 * application with a CDI container would obtain it.
 */
package org.drmaa2j.tck.cdi;
