// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A session manager with a private state directory per test, and small job helpers. */
abstract class LocalTestSupport {
    /** A safety cap on every wait for a local job: well under a second on an idle machine. */
    static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;
    SessionManager sm;
    JobSession js;

    Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("drmaa2j.stateDir", tmp.resolve("state").toString());
        p.put("drmaa2j.local.killGraceMillis", "500");
        return p;
    }

    @BeforeEach
    void openSession() {
        sm = new LocalProvider().createSessionManager(properties());
        js = sm.createJobSession(null, null);
    }

    @AfterEach
    void closeSession() {
        if (js != null) {
            try {
                for (var j : js.getJobs(null)) {
                    try {
                        j.terminate();
                        j.waitTerminated(WAIT);
                    } catch (RuntimeException e) {
                        // already gone
                    }
                }
            } catch (RuntimeException e) {
                // session closed by the test
            }
        }
        sm.close();
    }

    /** @return a template running {@code /bin/sh -c script} (the script is test text, not user input) */
    static JobTemplate.Builder sh(String script, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "-c";
        all[1] = script;
        all[2] = "job";
        System.arraycopy(args, 0, all, 3, args.length);
        return JobTemplate.builder("/bin/sh").args(all);
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
