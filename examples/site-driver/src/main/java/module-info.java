// SPDX-License-Identifier: Apache-2.0
/**
 * A site's own driver ({@code siteslurm}) on the Slurm driver and the kit, found through
 * {@link org.drmaa2j.provider.Drmaa2Provider} on the module path as on the class path.
 */
module org.drmaa2j.example.siteslurm {
    requires org.drmaa2j.slurm;

    provides org.drmaa2j.provider.Drmaa2Provider with org.drmaa2j.example.siteslurm.SiteSlurmProvider;
}
