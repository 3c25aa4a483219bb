// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.util.Map;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * Run in a separate JVM by {@link LocalClaimTakeoverTest}, which kills it: creates a persistent
 * session with at most four jobs running, submits four jobs that wait for a go file and a fifth
 * that stays queued behind them, prints the five job ids and {@code READY}, and waits to be killed.
 * Every job appends its name to a run ledger. Arguments: state directory, session, go file, ledger.
 */
public final class KilledManagerMain {
    private KilledManagerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SessionManager sm = new LocalProvider().createSessionManager(Map.of("drmaa2j.stateDir", args[0],
                "drmaa2j.local.maxRunning", "4"));
        JobSession js = sm.createJobSession(args[1], null);
        for (int i = 1; i <= 5; i++) {
            String wait = i < 5 ? "while [ ! -e \"$1\" ]; do sleep 0.05; done; " : "";
            Job j = js.runJob(JobTemplate.builder("/bin/sh").args("-c", wait + "echo \"$3\" >> \"$2\"; exit \"$3\"",
                    "job", args[2], args[3], Integer.toString(i)).jobName("j" + i).build());
            System.out.println(j.getJobId());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
