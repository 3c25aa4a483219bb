// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.example.siteslurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drmaa2j.slurm.SlurmBackend;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.Command;

/**
 * The Slurm driver's backend with the site's submission: {@code site-sbatch --site-project=P}
 * takes the place of {@code sbatch}, and its banner lines come before sbatch's answer.
 */
final class SiteSlurmBackend extends SlurmBackend {
    private final String sbatch;
    private final String project;

    SiteSlurmBackend(CliContext cli, String sbatch, String project) {
        super(cli);
        this.sbatch = sbatch;
        this.project = project;
    }

    @Override
    public String drmsName() {
        return "Slurm (site-sbatch)";
    }

    /** {@code sbatch OPTIONS…} becomes {@code site-sbatch --site-project=P OPTIONS…}, with the same script. */
    @Override
    protected Command submission(Command command) {
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, sbatch);
        argv.add(1, "--site-project=" + project);
        return new Command(argv, command.stdin(), command.timeout(), command.retryable());
    }

    /** The wrapper speaks first; {@code sbatch --parsable}'s answer is the last line. */
    @Override
    protected Optional<String> jobId(String output) {
        String[] lines = output.strip().split("\r?\n");
        return super.jobId(lines[lines.length - 1]);
    }
}
