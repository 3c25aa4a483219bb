// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.example.siteslurm;

import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.slurm.SlurmProvider;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.cli.CliProvider;

/**
 * The driver {@code siteslurm}: the site's Slurm, whose users submit through the site's own
 * {@code site-sbatch} instead of {@code sbatch}. Everything else is the Slurm driver's. Driver properties:
 * <ul>
 *   <li>{@value #PROJECT_PROPERTY}: the site project every job is charged to (required);</li>
 *   <li>{@value #SBATCH_PROPERTY}: the site's submission program (default {@value #DEFAULT_SBATCH});</li>
 *   <li>the Slurm driver's and the kit's ({@code drmaa2j.contact}, {@code drmaa2j.template}, …).</li>
 * </ul>
 */
public final class SiteSlurmProvider extends CliProvider {
    /** Driver property: the site project. */
    public static final String PROJECT_PROPERTY = "drmaa2j.siteslurm.project";
    /** Driver property: the site's submission program. */
    public static final String SBATCH_PROPERTY = "drmaa2j.siteslurm.sbatch";
    /** The site's submission program when the property does not name another. */
    public static final String DEFAULT_SBATCH = "site-sbatch";

    /** Creates the provider (ServiceLoader does). */
    public SiteSlurmProvider() {
        super(SlurmProvider.TEMPLATE, SlurmProvider.TRANSIENT,
                java.util.Set.of(PROJECT_PROPERTY, SBATCH_PROPERTY, SlurmProvider.RESERVATIONS_PROPERTY));
    }

    @Override
    public String getName() {
        return "siteslurm";
    }

    @Override
    public String getDescription() {
        return "the site's Slurm, submitting through site-sbatch";
    }

    /** The job script is the Slurm driver's, a resource of its module. */
    @Override
    protected Class<?> templateAnchor() {
        return SlurmProvider.class;
    }

    @Override
    protected DriverBackend createBackend(CliContext cli) {
        String project = cli.settings().get(PROJECT_PROPERTY)
                .orElseThrow(() -> new InvalidArgumentException(PROJECT_PROPERTY, "the site charges every job to a project; name one"));
        if (!project.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidArgumentException(PROJECT_PROPERTY, "site projects are letters, digits, '_', '.' and '-' (was '" + project + "')");
        }
        return new SiteSlurmBackend(cli, cli.settings().get(SBATCH_PROPERTY).orElse(DEFAULT_SBATCH), project);
    }
}
