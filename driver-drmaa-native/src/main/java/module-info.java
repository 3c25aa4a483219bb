// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j driver for any DRMAA 1.0 C library ({@code drmaa-native}), through JNA, found through
 * {@link org.drmaa2j.provider.Drmaa2Provider}.
 */
module org.drmaa2j.drmaa1 {
    requires org.drmaa2j;
    requires org.drmaa2j.spi;
    requires org.slf4j;
    requires com.sun.jna;

    // JNA implements the library's interface and reads its structures reflectively
    opens org.drmaa2j.drmaa1 to com.sun.jna;

    provides org.drmaa2j.provider.Drmaa2Provider with org.drmaa2j.drmaa1.DrmaaNativeProvider;
}
