// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.MountableFile;

class GridEngineContainerIT {

    private static final Pattern EXIT_STATUS = Pattern.compile("(?m)^exit_status\\s+(\\d+)");
    private static final String PROBE = DrmaaProbe.class.getName();

    private static GridEngineContainer sge;

    @BeforeAll
    static void start() {
        sge = new GridEngineContainer();
        Instant begin = Instant.now();
        sge.getDockerImageName();
        Instant built = Instant.now();
        sge.start();
        System.out.printf("image: %d ms, start to ready: %d ms%n",
                Duration.between(begin, built).toMillis(), Duration.between(built, Instant.now()).toMillis());
    }

    @AfterAll
    static void stop() {
        if (sge != null) {
            sge.stop();
        }
    }

    @Test
    void qsub_exitStatusReachesQacct() throws InterruptedException {
        sge.putUserFile("exit3.sh", "#!/bin/bash\nexit 3\n", 0755);
        String id = sge.execOrFail("qsub", "-terse", "exit3.sh").strip();
        assertTrue(id.matches("\\d+"), id);
        assertEquals("3", awaitExitStatus(id));
    }

    @Test
    void qsub_unknownQueueFailsWithGridEnginesWords() {
        ExecOutcome outcome = sge.exec("qsub", "-q", "nosuch.q", "-b", "y", "true");
        assertTrue(outcome.exitCode() != 0, outcome.toString());
        assertTrue((outcome.stdout() + outcome.stderr()).contains("nosuch.q"), outcome.toString());
    }

    @Test
    void drmaaLibrary_loadsInAJvmOnlyWithTheTunable() {
        sge.copyFileToContainer(MountableFile.forClasspathResource(PROBE.replace('.', '/') + ".class"),
                "/opt/probe/" + PROBE.replace('.', '/') + ".class");
        String classPath = GridEngineContainer.DRMAA_JAVA_BINDING + ":/opt/probe";

        ExecOutcome plain = sge.exec("java", "-cp", classPath, PROBE);
        assertTrue(plain.stderr().contains("cannot allocate memory in static TLS block"), plain.toString());

        ExecOutcome tuned = sge.exec("env", GridEngineContainer.DRMAA_JVM_TUNABLES, "java", "-cp", classPath, PROBE);
        assertEquals(0, tuned.exitCode(), tuned.toString());
        assertEquals("drm system: SGE 8.1.9", tuned.stdout().strip());
    }

    /** Polls {@code qacct -j} until the job's accounting record is written. */
    private static String awaitExitStatus(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(300); // a safety cap: seconds on an idle machine
        ExecOutcome outcome = null;
        while (Instant.now().isBefore(deadline)) {
            outcome = sge.exec("qacct", "-j", id);
            Matcher m = EXIT_STATUS.matcher(outcome.stdout());
            if (outcome.succeeded() && m.find()) {
                return m.group(1);
            }
            Thread.sleep(500);
        }
        return String.valueOf(outcome);
    }
}
