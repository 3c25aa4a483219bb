// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.drmaa2j.drmaa1.tck.GridEngineTckEnvironment;
import org.drmaa2j.tck.TckLauncher;
import org.drmaa2j.tck.containers.GridEngineContainer;
import org.drmaa2j.tck.report.ReportLocation;
import org.drmaa2j.tck.report.ReportWriter;
import org.drmaa2j.tck.report.RunResult;
import org.drmaa2j.tck.durability.KillTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ExecConfig;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs the driver's cluster tests where libdrmaa and the qmaster are: starts the Grid Engine
 * container, copies this module's test class path into it ({@value #ROOT}), and runs a JVM there as
 * the user {@code drmaa} with the environment the library needs. Each test is one in-container run;
 * it passes when the in-container run exits 0, and prints that run's output. The in-container
 * tests' JUnit reports are copied to {@code target/surefire-reports-gridengine-inside}, and the
 * TCK's result joins the build's conformance report. Part of {@code mvn install}: if the
 * container does not start, the build fails.
 *
 * <p>System properties: {@code drmaa2j.it.gridengineImage} uses an existing image instead of
 * building the one defined in the TCK; {@code drmaa2j.killtest.seed} replays a kill test run.
 */
class GridEngineInContainerIT {
    static final String ROOT = "/opt/drmaa2j";
    /** Where the in-container TCK writes its report. */
    static final String TCK_REPORT = "/tmp/tck-report";
    /** The environment a JVM needs to load Grid Engine's libdrmaa. */
    static final Map<String, String> JVM_ENV = Map.of(
            "GLIBC_TUNABLES", "glibc.rtld.optional_static_tls=16384",
            "SGE_ROOT", GridEngineContainer.SGE_ROOT, "SGE_CELL", GridEngineContainer.SGE_CELL,
            "DRMAA_LIBRARY_PATH", GridEngineContainer.DRMAA_LIBRARY);

    private static GridEngineContainer ge;
    private static String classPath;

    @BeforeAll
    static void start() {
        String image = System.getProperty("drmaa2j.it.gridengineImage");
        ge = image == null || image.isBlank() ? new GridEngineContainer() : new GridEngineContainer(DockerImageName.parse(image));
        ge.start();
        // site setup: Grid Engine accepts deadlines (-dl, the deadlineTime attribute) only from
        // members of the access list "deadlineusers"
        ge.execAsRoot("qconf", "-au", "drmaa", "deadlineusers");
        classPath = copyClassPath();
    }

    @AfterAll
    static void stop() {
        if (ge != null) ge.stop();
    }

    @Test
    void driverJobsOnGridEngine() throws Exception {
        assertEquals(0, junit("jobs", List.of(), GridEngineJobsIT.class.getName()));
    }

    @Test
    void jnaMappingOnGridEngine() throws Exception {
        assertEquals(0, junit("mapping", List.of(), "org.drmaa2j.drmaa1.DrmaaMappingIT"));
    }

    @Test
    void killTestOnGridEngine() throws Exception {
        String seed = System.getProperty(KillTest.SEED_PROPERTY);
        List<String> jvmArgs = seed == null || seed.isBlank() ? List.of() : List.of("-D" + KillTest.SEED_PROPERTY + "=" + seed.strip());
        assertEquals(0, junit("kill", jvmArgs, GridEngineKillIT.class.getName()));
    }

    @Test
    void tckOnGridEngine() throws Exception {
        int rc = junit("tck", List.of("-Ddrmaa2j.tck.environment=" + GridEngineTckEnvironment.NAME, "-Ddrmaa2j.tck.reportDir=" + TCK_REPORT),
                "package:" + TckLauncher.TEST_PACKAGE);
        addToConformanceReport();
        assertEquals(0, rc);
    }

    /**
     * Runs JUnit classes in the container and copies their XML reports to
     * {@code target/surefire-reports-gridengine-inside}, where the build's totals count them.
     */
    private static int junit(String run, List<String> jvmArgs, String... selectors) throws Exception {
        String xml = "/tmp/junit-" + run;
        List<String> args = new ArrayList<>(List.of(xml));
        args.addAll(List.of(selectors));
        int rc = java(InContainerLauncher.class.getName(), jvmArgs, args.toArray(new String[0]));
        Path local = Files.createDirectories(Path.of("target", "surefire-reports-gridengine-inside"));
        for (String f : ge.exec("find", xml, "-name", "TEST-*.xml").stdout().split("\n")) {
            if (f.isBlank()) continue;
            String name = f.substring(f.lastIndexOf('/') + 1);
            ge.copyFileFromContainer(f, local.resolve(name.replace("TEST-", "TEST-" + run + "-")).toString());
        }
        return rc;
    }

    /** Adds the in-container TCK run to the build's conformance report (its Grid Engine column). */
    private static void addToConformanceReport() throws Exception {
        ReportWriter writer = new ReportWriter(ReportLocation.reportDirectory());
        ObjectMapper json = new ObjectMapper();
        for (String f : ge.exec("find", TCK_REPORT + "/" + ReportWriter.RESULTS, "-name", "*.json").stdout().split("\n")) {
            if (f.isBlank()) continue;
            RunResult run = ge.copyFileFromContainer(f, in -> json.readValue(in, RunResult.class));
            writer.write(run);
        }
    }

    /** Copies every class path entry into the container and returns the class path there. */
    private static String copyClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Set<String> entries = new LinkedHashSet<>(List.of(cp.split(File.pathSeparator)));
        List<String> inside = new ArrayList<>();
        int n = 0;
        for (String e : entries) {
            Path p = Path.of(e);
            if (!Files.exists(p)) continue;
            String target = ROOT + "/" + (n++) + "-" + p.getFileName();
            ge.copyFileToContainer(MountableFile.forHostPath(p, 0755), target);
            inside.add(target);
        }
        ge.execAsRoot("chmod", "-R", "a+rX", ROOT);
        return String.join(":", inside);
    }

    /** Runs a main class in the container as the user drmaa; prints its output; returns its exit code. */
    static int java(String mainClass, List<String> jvmArgs, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("java", "-cp", classPath));
        argv.addAll(jvmArgs);
        argv.add(mainClass);
        argv.addAll(List.of(args));
        ExecConfig config = ExecConfig.builder().user("drmaa").workDir("/home/drmaa").envVars(JVM_ENV)
                .command(argv.toArray(new String[0])).build();
        Container.ExecResult r = ge.execInContainer(StandardCharsets.UTF_8, config);
        System.out.println("---- in-container " + mainClass + " (exit " + r.getExitCode() + ") ----");
        System.out.println(r.getStdout());
        System.out.println(r.getStderr());
        return r.getExitCode();
    }
}
