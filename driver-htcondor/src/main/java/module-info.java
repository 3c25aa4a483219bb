// SPDX-License-Identifier: Apache-2.0
/** The drmaa2j driver for HTCondor ({@code htcondor}), found through {@link org.drmaa2j.provider.Drmaa2Provider}. */
module org.drmaa2j.htcondor {
    requires org.drmaa2j;
    requires org.drmaa2j.spi;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    // the kit's script renderer reads the default job script template, a resource of this package
    opens org.drmaa2j.htcondor to org.drmaa2j.spi;

    provides org.drmaa2j.provider.Drmaa2Provider with org.drmaa2j.htcondor.HTCondorProvider;
}
