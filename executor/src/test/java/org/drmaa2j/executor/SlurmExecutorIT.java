// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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
 * The executor against real Slurm: the submitting JVM ({@link SlurmScenario}) runs inside the Slurm
 * container, whose file system all its nodes share, with this test's class path copied in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmExecutorIT {
    private static final String DIR = "/opt/e2e-executor";
    private static final String CACHE = ClusterContainer.HOME + "/cache";
    private static final String SCENARIO = SlurmScenario.class.getName();
    private static SlurmContainer slurm;
    private static String classpath;

    @BeforeAll
    static void start() throws IOException {
        slurm = new SlurmContainer();
        slurm.start();
        Path staging = Files.createTempDirectory(Path.of("target"), "e2e-classpath");
        List<String> inContainer = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(entry);
            if (!Files.exists(src)) continue;
            String name = String.format("%03d-%s", i++, src.getFileName());
            copy(src, staging.resolve(name));
            inContainer.add(DIR + "/" + name);
        }
        classpath = String.join(":", inContainer);
        slurm.copyFileToContainer(MountableFile.forHostPath(staging), DIR);
        slurm.execAsRoot("chmod", "-R", "a+rX", DIR);
    }

    private static void copy(Path src, Path target) throws IOException {
        if (!Files.isDirectory(src)) {
            Files.copy(src, target);
            return;
        }
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (slurm != null) slurm.stop();
    }

    @Test
    @Order(1)
    void executor_killedAndRestarted_reattachesAndReusesResults() throws Exception {
        ExecOutcome launched = slurm.exec("sh", "-c", "setsid java -cp " + classpath + " " + SCENARIO + " chain " + CACHE
                + " > run1.log 2>&1 < /dev/null & echo $!");
        assertTrue(launched.succeeded(), launched.toString());
        String pid = launched.stdout().trim();
        String submitted = awaitLine("run1.log", "SUBMITTED ", Duration.ofSeconds(120));
        String[] ids = submitted.substring("SUBMITTED ".length()).trim().split(" ");
        assertEquals(3, ids.length, submitted);
        // the later jobs were submitted at once, depending on the earlier ones in the scheduler
        String dependency = slurm.execOrFail("squeue", "-h", "-j", ids[2], "-o", "%E").trim();
        assertTrue(dependency.contains("afterok:" + ids[1]), "squeue dependency of " + ids[2] + ": " + dependency);
        assertEquals("drwx------", slurm.execOrFail("stat", "-c", "%A", CACHE).trim(), "the cache directory is created owner-only");

        ExecOutcome killed = slurm.exec("kill", "-9", pid);
        assertTrue(killed.succeeded(), killed.toString());
        // the first task finishes meanwhile (its job sleeps 4 s); the others still wait or run
        awaitJobEnded(ids[0], Duration.ofMinutes(5));

        ExecOutcome again = slurm.exec("java", "-cp", classpath, SCENARIO, "chain", CACHE);
        assertTrue(again.succeeded(), again.toString());
        assertTrue(again.stdout().contains(submitted), "same jobs reattached: " + again + "\nfirst run: " + submitted);
        assertTrue(again.stdout().contains("REUSED true"), again.toString());
        assertTrue(again.stdout().contains("RESULT 123"), again.toString());
        assertEquals(3, executorJobs(), "sbatch ran once per task");
    }

    @Test
    @Order(2)
    void executor_rejectedSubmission_showsSlurmsMessage() {
        ExecOutcome r = slurm.exec("java", "-cp", classpath, SCENARIO, "rejected", CACHE + "-rejected");
        assertTrue(r.succeeded(), r.toString());
        assertTrue(r.stdout().toLowerCase(Locale.ROOT).contains("invalid partition name specified"), r.toString());
    }

    @Test
    @Order(3)
    void executor_cacheWritableByOthers_refusedBeforeSubmitting() {
        slurm.execOrFail("mkdir", "-m", "0777", CACHE + "-open");
        slurm.execOrFail("chmod", "0777", CACHE + "-open");
        long before = executorJobs();
        ExecOutcome r = slurm.exec("java", "-cp", classpath, SCENARIO, "chain", CACHE + "-open");
        assertTrue(!r.succeeded(), r.toString());
        assertTrue(r.stderr().contains("UnsafeCacheException") && r.stderr().contains("is writable by every user"), r.toString());
        assertEquals(before, executorJobs(), "nothing was submitted");
    }

    private static long executorJobs() {
        return slurm.execOrFail("sacct", "-X", "-n", "-P", "-o", "JobID,JobName").lines().filter(l -> l.contains("|drmaa2j-")).count();
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
