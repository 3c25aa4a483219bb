// SPDX-License-Identifier: Apache-2.0
/**
 * The conformance kit (TCK): one JUnit 5 suite that every driver runs against a real scheduler.
 * A driver's build plugs in with a {@link org.drmaa2j.tck.TckEnvironment}; every test checks one
 * {@link org.drmaa2j.tck.Assertion}; {@link org.drmaa2j.tck.TckLauncher} runs the suite on a login
 * node without a build tool; {@link org.drmaa2j.tck.TckTimings} scales every wait to a slow cluster.
 */
package org.drmaa2j.tck;
