// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j API: {@code org.drmaa2j} for applications, {@code org.drmaa2j.provider} for drivers, which
 * provide {@link org.drmaa2j.provider.Drmaa2Provider}; {@link org.drmaa2j.Drmaa2} finds them with
 * {@link java.util.ServiceLoader}, on the module path as on the class path.
 */
module org.drmaa2j {
    exports org.drmaa2j;
    // the provider contract: every driver, including a site's own, implements it
    exports org.drmaa2j.provider;

    uses org.drmaa2j.provider.Drmaa2Provider;
}
