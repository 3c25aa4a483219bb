// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.durability;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.slurm.SlurmProvider;

/**
 * The managing program of the kill test, run in its own JVM: submits a campaign of distinctly
 * named held jobs into one persistent session and, when started again after being killed, asks the
 * reopened session which jobs are already there and submits only the rest. Prints
 * {@code RESUME n}, one {@code SUBMITTED name id} per job and {@code DONE}.
 *
 * <p>Arguments: state directory, contact, session name, number of jobs, grace period in ms.
 */
public final class CampaignMain {
    private CampaignMain() {
    }

    /**
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        String session = args[2];
        int total = Integer.parseInt(args[3]);
        Map<String, String> props = Map.of("drmaa2j.stateDir", args[0], "drmaa2j.contact", args[1],
                "drmaa2j.reconcile.graceMillis", args[4], "drmaa2j.poll.slowMillis", "600000");
        try (SessionManager sm = new SlurmProvider().createSessionManager(props)) {
            JobSession s;
            try {
                s = sm.createJobSession(session, null);
            } catch (SessionManagementException exists) {
                s = sm.openJobSession(session);
            }
            Set<String> have = new HashSet<>();
            for (Job j : s.getJobs(null)) have.add(j.getJobTemplate().getJobName());
            System.out.println("RESUME " + have.size());
            for (int i = 0; i < total; i++) {
                String name = name(i);
                if (have.contains(name)) continue;
                Job j = s.runJob(JobTemplate.builder("/bin/true").jobName(name).submitAsHold(true).build());
                System.out.println("SUBMITTED " + name + " " + j.getJobId());
            }
            System.out.println("DONE");
        }
    }

    /**
     * @param i a campaign index
     * @return the job name for it
     */
    static String name(int i) {
        return String.format("c%03d", i);
    }
}
