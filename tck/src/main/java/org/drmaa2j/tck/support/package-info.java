// SPDX-License-Identifier: Apache-2.0
/**
 * What the tests share: the per-test context {@link org.drmaa2j.tck.support.Tck}, the JUnit extension
 * that starts the environment once per JVM, and the fixed job scripts, to which every varying value
 * is passed as an argument or environment variable.
 */
package org.drmaa2j.tck.support;
