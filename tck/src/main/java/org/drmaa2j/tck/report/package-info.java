// SPDX-License-Identifier: Apache-2.0
/**
 * The conformance report: every assertion of every run as passed, failed or unsupported, written as
 * JSON per run and rendered as one Markdown and one HTML matrix of assertions against drivers.
 */
package org.drmaa2j.tck.report;
