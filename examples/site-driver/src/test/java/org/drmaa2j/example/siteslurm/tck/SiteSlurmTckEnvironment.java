// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.example.siteslurm.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.drmaa2j.example.siteslurm.SiteSlurmProvider;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.ContainerTckEnvironment;
import org.testcontainers.images.builder.Transferable;

/**
 * The TCK against the project's Slurm container made into the example site: the site's
 * {@code site-sbatch} (a test resource, calling the real sbatch) is installed as
 * {@code /usr/local/bin/site-sbatch}, and the driver charges the project {@value #PROJECT}.
 */
public final class SiteSlurmTckEnvironment extends ContainerTckEnvironment<SlurmContainer> {
    /** The project every TCK job is charged to. */
    public static final String PROJECT = "tck";

    @Override
    public String name() {
        return "site-slurm-container";
    }

    @Override
    public String driverName() {
        return "siteslurm";
    }

    @Override
    protected SlurmContainer newCluster() {
        return new SlurmContainer();
    }

    @Override
    public void start() {
        super.start();
        try (InputStream in = SiteSlurmTckEnvironment.class.getResourceAsStream("/site-sbatch")) {
            cluster().copyFileToContainer(Transferable.of(in.readAllBytes(), 0755), "/usr/local/bin/" + SiteSlurmProvider.DEFAULT_SBATCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> extraDriverProperties() {
        return Map.of(SiteSlurmProvider.PROJECT_PROPERTY, PROJECT);
    }

    @Override
    public List<String> queueNames() {
        return List.of(SlurmContainer.DEFAULT_PARTITION, SlurmContainer.OTHER_PARTITION);
    }
}
