// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * Run in a separate JVM by {@link LocalPersistenceTest}: creates a session, submits jobs in
 * several states, prints their ids one per line, and exits while some still run or wait.
 * Arguments: state directory, session name, a file the held and delayed jobs write to.
 */
public final class SecondJvmMain {
    private SecondJvmMain() {
    }

    public static void main(String[] args) {
        SessionManager sm = new LocalProvider().createSessionManager(Map.of("drmaa2j.stateDir", args[0]));
        JobSession js = sm.createJobSession(args[1], null);
        Job done = js.runJob(JobTemplate.builder("/bin/echo").build());
        Job failed = js.runJob(JobTemplate.builder("/bin/sh").args("-c", "exit 7").build());
        Job running = js.runJob(JobTemplate.builder("/bin/sh").args("-c", "/bin/sleep 1; exit 4").build());
        Job held = js.runJob(JobTemplate.builder("/bin/sh").args("-c", "echo held >> \"$1\"", "job", args[2]).submitAsHold(true).build());
        Job delayed = js.runJob(JobTemplate.builder("/bin/sh").args("-c", "echo delayed >> \"$1\"", "job", args[2])
                .startTime(Instant.now().plusSeconds(2)).build());
        js.waitAnyTerminated(List.of(done), Duration.ofSeconds(20));
        failed.waitTerminated(Duration.ofSeconds(20));
        running.waitStarted(Duration.ofSeconds(20));
        for (Job j : List.of(done, failed, running, held, delayed)) System.out.println(j.getJobId());
        System.out.flush();
        sm.close();
        System.exit(0);
    }
}
