// SPDX-License-Identifier: Apache-2.0
/**
 * Hostile input for the drivers' own tests: generated job templates whose values carry shell
 * metacharacters, quotes, line breaks, NUL, very long and non-ASCII text and bad numbers; a job
 * that reports what it received byte for byte; the tally of outcomes; and the mutations of
 * scheduler outputs that every parser must survive.
 */
package org.drmaa2j.tck.hostile;
