// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.example.siteslurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.slurm.SlurmProvider;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.Test;

/** The two overrides, with a runner that answers as the site's wrapper does and runs nothing. */
class SiteSlurmBackendTest {
    private final List<List<String>> calls = new ArrayList<>();
    private final CommandRunner runner = new CommandRunner() {
        @Override
        public CommandResult run(Command c) {
            calls.add(c.argv());
            String out = c.program().equals("printenv") ? "/home/u\n" : "site-sbatch: charging project climate\n4711\n";
            return new CommandResult(c, 0, out, "", Duration.ZERO);
        }

        @Override
        public String describe() {
            return "scripted";
        }
    };

    @Test
    void submit_runsTheSiteWrapperWithTheProject_andReadsTheIdAfterItsBanner() {
        SiteSlurmBackend backend = new SiteSlurmBackend(new CliContext(new BackendContext(null, null, null, new DriverSettings("siteslurm", Map.of())),
                runner, ScriptRenderer.forDriver("siteslurm", SlurmProvider.TEMPLATE, SlurmProvider.class, Map.of()), Map.of()),
                "/opt/site/bin/site-sbatch", "climate");
        assertEquals("4711", backend.submit(new SubmitRequest("s", null, JobTemplate.builder("/bin/true").build(), null)).jobId());
        List<String> argv = calls.get(calls.size() - 1);
        assertEquals(List.of("/opt/site/bin/site-sbatch", "--site-project=climate", "--parsable"), argv.subList(0, 3));
    }
}
