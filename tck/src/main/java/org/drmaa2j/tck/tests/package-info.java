// SPDX-License-Identifier: Apache-2.0
/**
 * The conformance tests, one class per API interface, each test named {@code operation_condition}
 * and carrying an assertion id. What a driver declares unsupported is asserted to be refused, never
 * skipped.
 */
package org.drmaa2j.tck.tests;
