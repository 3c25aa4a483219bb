// SPDX-License-Identifier: Apache-2.0
/** The drmaa2j driver for local processes ({@code local}), found through {@link org.drmaa2j.provider.Drmaa2Provider}. */
module org.drmaa2j.local {
    requires org.drmaa2j;
    requires org.drmaa2j.spi;
    requires org.slf4j;
    requires com.sun.jna;
    requires java.management;

    // JNA implements the kill(2)/getpgid(2) binding's interface reflectively
    opens org.drmaa2j.local to com.sun.jna;

    provides org.drmaa2j.provider.Drmaa2Provider with org.drmaa2j.local.LocalProvider;
}
