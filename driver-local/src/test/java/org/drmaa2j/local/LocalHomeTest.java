// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's home directory is the {@code HOME} it sees, which jobs inherit from this JVM's environment,
 * also when {@code HOME} is not the account's home directory (as on GitHub Actions, {@code /github/home}).
 */
class LocalHomeTest {
    @TempDir
    Path tmp;

    @Test
    void jobHome_environmentsHomeWins_accountsOnlyWhenUnsetOrRelative() {
        assertEquals("/github/home", ProcessLauncher.jobHome(Map.of("HOME", "/github/home"), "/root"));
        assertEquals("/root", ProcessLauncher.jobHome(Map.of(), "/root"));
        assertEquals("/root", ProcessLauncher.jobHome(Map.of("HOME", " "), "/root"));
        assertEquals("/root", ProcessLauncher.jobHome(Map.of("HOME", "relative/dir"), "/root"));
    }

    @Test
    void tckHomeAssertions_passWithHomeOverridden() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("other-home")).toRealPath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbasedir=" + System.getProperty("basedir", System.getProperty("user.dir")),
                "-Ddrmaa2j.tck.reportDir=" + tmp.resolve("report"),
                "-cp", System.getProperty("java.class.path"), HomeTckMain.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the TCK JVM did not finish:\n" + out);
        assertTrue(out.contains("HOME=" + home), out);
        String accountHome = out.lines().filter(l -> l.startsWith("user.home=")).findFirst().orElseThrow().substring(10);
        assertNotEquals(home.toString(), accountHome, "HOME must differ from the account's home for this test to mean anything");
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("2 tests successful"), out);
    }
}
