// SPDX-License-Identifier: Apache-2.0
/**
 * The contract between the bootstrap class {@link org.drmaa2j.Drmaa2} and the drivers: what a driver
 * registers with {@link java.util.ServiceLoader} so that it can be found. Users of the API do not need
 * this package; driver authors implement {@link org.drmaa2j.provider.Drmaa2Provider}.
 */
package org.drmaa2j.provider;
