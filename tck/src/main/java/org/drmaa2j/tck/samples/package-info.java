// SPDX-License-Identifier: Apache-2.0
/**
 * Verbatim scheduler outputs for the drivers' parser tests, read from the drivers' test resources.
 */
package org.drmaa2j.tck.samples;
