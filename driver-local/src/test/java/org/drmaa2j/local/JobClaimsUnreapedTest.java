// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A job followed from outside has ended unrecorded only once it is reaped: the JDK counts a zombie
 * as gone, while its supervisor still has to write its marker and reap it.
 */
class JobClaimsUnreapedTest {
    private static final long CAP_SECONDS = 120;

    @Test
    void aZombie_isUnreaped_aRunningOrReapedProcessIsNot() throws Exception {
        // a parent that forks a child which exits at once, and reaps it only when told to
        Process parent = new ProcessBuilder("perl", "-e",
                "$| = 1; my $p = fork; exit 0 if !$p; print \"$p\\n\"; <STDIN>; waitpid($p, 0); print \"reaped\\n\"; <STDIN>;")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream in = parent.getOutputStream()) {
            long child = Long.parseLong(out.readLine().trim());
            awaitZombie(child);
            assertTrue(JobClaims.unreaped(child));
            assertFalse(JobClaims.unreaped(parent.pid()), "a running process");
            in.write('\n');
            in.flush();
            out.readLine(); // reaped
            assertFalse(JobClaims.unreaped(child), "a reaped process");
            in.write('\n');
        }
        parent.waitFor(CAP_SECONDS, TimeUnit.SECONDS);
    }

    private static void awaitZombie(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long cap = System.nanoTime() + TimeUnit.SECONDS.toNanos(CAP_SECONDS); // a safety cap, not a measure
        while (!Files.readString(stat).contains(") Z ")) {
            if (System.nanoTime() > cap) throw new AssertionError("pid " + pid + " never became a zombie");
            Thread.sleep(5);
        }
    }
}
