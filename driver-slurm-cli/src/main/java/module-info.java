// SPDX-License-Identifier: Apache-2.0
/**
 * The drmaa2j driver for Slurm ({@code slurm}), found through {@link org.drmaa2j.provider.Drmaa2Provider}.
 * Its package is exported for a site's own driver built on it: {@code SlurmBackend} to extend, and
 * {@code SlurmProvider}'s template and transient failures to reuse.
 */
module org.drmaa2j.slurm {
    requires transitive org.drmaa2j;
    requires transitive org.drmaa2j.spi;
    requires org.slf4j;

    // the kit's script renderer reads the default job script template, a resource of this package
    opens org.drmaa2j.slurm to org.drmaa2j.spi;
    exports org.drmaa2j.slurm;

    provides org.drmaa2j.provider.Drmaa2Provider with org.drmaa2j.slurm.SlurmProvider;
}
