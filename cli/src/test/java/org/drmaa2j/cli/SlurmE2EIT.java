// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.drmaa2j.tck.containers.ClusterContainer;
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
 * The executor and the {@code drmaa2} command against real Slurm: the submitting JVM runs inside the
 * Slurm container (whose file system all its nodes share), from the packaged jar and the test classes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmE2EIT {
    private static final String DIR = "/opt/e2e";
    private static final String CP = DIR + "/drmaa2.jar:" + DIR + "/test-classes";
    private static final String CACHE = ClusterContainer.HOME + "/cache";
    private static final String SCENARIO = "org.drmaa2j.executor.SlurmScenario";
    private static SlurmContainer slurm;

    @BeforeAll
    static void start() {
        slurm = new SlurmContainer();
        slurm.start();
        slurm.copyFileToContainer(MountableFile.forHostPath(Path.of("target", "drmaa2.jar")), DIR + "/drmaa2.jar");
        slurm.copyFileToContainer(MountableFile.forHostPath(Path.of("target", "test-classes")), DIR + "/test-classes");
        slurm.execAsRoot("chmod", "-R", "a+rX", DIR);
    }

    @AfterAll
    static void stop() {
        if (slurm != null) slurm.stop();
    }

    @Test
    @Order(1)
    void executor_killedAndRestarted_reattachesAndReusesResults() throws Exception {
        ExecOutcome launched = slurm.exec("sh", "-c", "setsid java -cp " + CP + " " + SCENARIO + " chain " + CACHE
                + " > run1.log 2>&1 < /dev/null & echo $!");
        assertTrue(launched.succeeded(), launched.toString());
        String pid = launched.stdout().trim();
        String submitted = awaitLine("run1.log", "SUBMITTED ", Duration.ofSeconds(120));
        String[] ids = submitted.substring("SUBMITTED ".length()).trim().split(" ");
        assertEquals(3, ids.length, submitted);
        // the later jobs were submitted at once, depending on the earlier ones in the scheduler
        String dependency = slurm.execOrFail("squeue", "-h", "-j", ids[2], "-o", "%E").trim();
        assertTrue(dependency.contains("afterok:" + ids[1]), "squeue dependency of " + ids[2] + ": " + dependency);

        ExecOutcome killed = slurm.exec("kill", "-9", pid);
        assertTrue(killed.succeeded(), killed.toString());
        // the first task finishes meanwhile (its job sleeps 4 s); the others still wait or run
        awaitJobEnded(ids[0], Duration.ofMinutes(5));

        ExecOutcome again = slurm.exec("java", "-cp", CP, SCENARIO, "chain", CACHE);
        assertTrue(again.succeeded(), again.toString());
        assertTrue(again.stdout().contains(submitted), "same jobs reattached: " + again + "\nfirst run: " + submitted);
        assertTrue(again.stdout().contains("REUSED true"), again.toString());
        assertTrue(again.stdout().contains("RESULT 123"), again.toString());
        String jobs = slurm.execOrFail("sacct", "-X", "-n", "-P", "-o", "JobID,JobName");
        long submissions = jobs.lines().filter(l -> l.contains("|drmaa2j-")).count();
        assertEquals(3, submissions, "sbatch ran once per task:\n" + jobs);
    }

    @Test
    @Order(2)
    void executor_rejectedSubmission_showsSlurmsMessage() {
        ExecOutcome r = slurm.exec("java", "-cp", CP, SCENARIO, "rejected", CACHE + "-rejected");
        assertTrue(r.succeeded(), r.toString());
        assertTrue(r.stdout().toLowerCase(Locale.ROOT).contains("invalid partition name specified"), r.toString());
    }

    @Test
    @Order(3)
    void cli_rejectedSubmission_showsSlurmsMessage() {
        ExecOutcome r = slurm.exec("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "submit", "-q", "nope",
                "--", "/bin/true");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().toLowerCase(Locale.ROOT).contains("invalid partition name specified"), r.toString());
    }

    @Test
    @Order(4)
    void cli_queuesAndMachines_listSlurms() {
        String queues = slurm.execOrFail("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "queues");
        assertTrue(queues.contains(SlurmContainer.DEFAULT_PARTITION) && queues.contains(SlurmContainer.OTHER_PARTITION), queues);
        String machines = slurm.execOrFail("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "machines");
        assertTrue(machines.contains("localhost"), machines);
    }

    @Test
    @Order(5)
    void cli_runArray_waitsWithProgress() {
        ExecOutcome r = slurm.exec("java", "-jar", DIR + "/drmaa2.jar", "--driver", "slurm", "run", "--array", "1-3",
                "--progress", "--", "/bin/true");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("3/3 ended"), r.toString());
        assertEquals(3, r.stdout().lines().filter(l -> l.contains(" DONE ")).count(), r.toString());
    }

    /** Waits until accounting shows the job ended; the bound is a safety cap. */
    private static void awaitJobEnded(String id, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = slurm.exec("sacct", "-n", "-X", "-P", "-j", id, "-o", "State").stdout().strip();
            if (state.equals("COMPLETED")) return;
            Thread.sleep(500);
        }
        throw new AssertionError("job " + id + " did not complete within " + cap + ": " + state);
    }

    private static String awaitLine(String file, String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            ExecOutcome cat = slurm.exec("cat", file);
            text = cat.stdout();
            for (String line : text.split("\n")) if (line.startsWith(prefix)) return line;
            Thread.sleep(500);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + file + " within " + timeout + ":\n" + text);
    }
}
