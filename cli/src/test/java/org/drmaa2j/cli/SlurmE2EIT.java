// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.utility.MountableFile;

/**
 * The {@code drmaa2} command against real Slurm: the packaged jar runs inside the Slurm container.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmE2EIT {
    private static final String DIR = "/opt/e2e";
    private static SlurmContainer slurm;

    @BeforeAll
    static void start() {
        slurm = new SlurmContainer();
        slurm.start();
        slurm.copyFileToContainer(MountableFile.forHostPath(Path.of("target", "drmaa2.jar")), DIR + "/drmaa2.jar");
        slurm.execAsRoot("chmod", "-R", "a+rX", DIR);
    }

    @AfterAll
    static void stop() {
        if (slurm != null) slurm.stop();
    }

    @Test
    @Order(1)
    void cli_rejectedSubmission_showsSlurmsMessage() {
        ExecOutcome r = slurm.exec("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "submit", "-q", "nope",
                "--", "/bin/true");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().toLowerCase(Locale.ROOT).contains("invalid partition name specified"), r.toString());
    }

    @Test
    @Order(2)
    void cli_queuesAndMachines_listSlurms() {
        String queues = slurm.execOrFail("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "queues");
        assertTrue(queues.contains(SlurmContainer.DEFAULT_PARTITION) && queues.contains(SlurmContainer.OTHER_PARTITION), queues);
        String machines = slurm.execOrFail("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "machines");
        assertTrue(machines.contains("localhost"), machines);
    }

    @Test
    @Order(3)
    void cli_runArray_waitsWithProgress() {
        ExecOutcome r = slurm.exec("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "run", "--array", "1-3",
                "--progress", "--", "/bin/true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("3/3 ended"), r.toString());
        assertEquals(3, r.stdout().lines().filter(l -> l.contains(" DONE ")).count(), r.toString());
    }
}
