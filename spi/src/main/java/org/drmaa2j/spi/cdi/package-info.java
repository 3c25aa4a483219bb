// SPDX-License-Identifier: Apache-2.0
/**
 * CDI integration: {@code @Inject SessionManager} through {@link org.drmaa2j.spi.cdi.SessionManagerProducer}.
 * The CDI API is an optional dependency; nothing here loads without a container.
 */
package org.drmaa2j.spi.cdi;
