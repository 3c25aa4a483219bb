// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code drmaa2} command: submit, watch and control jobs, list queues and machines, and run the
 * conformance suite against this machine's scheduler, through any installed driver. The entry point
 * is {@link org.drmaa2j.cli.Drmaa2Cli}.
 */
package org.drmaa2j.cli;
