// SPDX-License-Identifier: Apache-2.0
/**
 * Readers for what scheduler commands print, shared by the drivers' parsers: delimited tables
 * ({@link org.drmaa2j.spi.parse.DelimitedTable}), compressed host lists
 * ({@link org.drmaa2j.spi.parse.Hostlist}), times and durations
 * ({@link org.drmaa2j.spi.parse.SchedulerTimes}). Output that cannot be read raises
 * {@link org.drmaa2j.spi.parse.UnreadableOutputException} carrying the raw text; no parser guesses.
 */
package org.drmaa2j.spi.parse;
