// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.junit.jupiter.api.Test;

class CliRunnersTest {
    @Test
    void homeDirectory_isPrintenvHomeWhereCommandsRun() {
        assertEquals("/home/someone", CliRunners.homeDirectory(new LocalCommandRunner(Map.of("HOME", "/home/someone"))));
    }

    @Test
    void homeDirectory_failureCarriesTheCommandsWords() {
        CommandRunner broken = new CommandRunner() {
            @Override
            public CommandResult run(org.drmaa2j.spi.exec.Command command) {
                return new CommandResult(command, 1, "", "printenv: not allowed", Duration.ZERO);
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> CliRunners.homeDirectory(broken));
        assertTrue(e.getMessage().contains("printenv: not allowed"), e.getMessage());
    }

    @Test
    void aContactNamingAnotherDriver_isRefused() {
        CliRunners.checkDriverPrefix("slurm+ssh://u@login:22/", "slurm");
        CliRunners.checkDriverPrefix("ssh://u@login:22/", "slurm");
        CliRunners.checkDriverPrefix("docker://u@c", "pbs");
        CliRunners.checkDriverPrefix("", "pbs");
        org.drmaa2j.InvalidArgumentException e = assertThrows(org.drmaa2j.InvalidArgumentException.class,
                () -> CliRunners.checkDriverPrefix("pbs+ssh://u@login:22/", "slurm"));
        assertTrue(e.getMessage().contains("pbs driver"), e.getMessage());
    }
}
