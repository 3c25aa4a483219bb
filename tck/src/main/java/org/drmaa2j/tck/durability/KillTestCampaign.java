// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;

/**
 * The managing program of a kill test, run in its own JVM (the one that gets killed): submits the
 * campaign's jobs into one persistent session and, when started again after being killed, asks the
 * reopened session which jobs are already there and submits only the rest. Prints {@code RESUME n}
 * (jobs already there), one {@code SUBMITTED name id} per job it submitted and {@code DONE}.
 *
 * <p>Its one argument is a properties file: {@code driver}, {@code session}, {@code jobs},
 * {@code plan} (a {@link CampaignPlan} class), {@code driver.KEY} driver properties and
 * {@code plan.KEY} plan settings.
 */
public final class KillTestCampaign {
    private KillTestCampaign() {
    }

    /**
     * @param args the properties file
     * @throws Exception when the campaign cannot run; the JVM then exits non-zero
     */
    public static void main(String[] args) throws Exception {
        Properties p = load(Path.of(args[0]));
        String session = p.getProperty("session");
        int total = Integer.parseInt(p.getProperty("jobs"));
        Map<String, String> settings = prefixed(p, "plan.");
        CampaignPlan plan = plan(p.getProperty("plan"));
        try (SessionManager sm = Drmaa2.getSessionManager(p.getProperty("driver"), prefixed(p, "driver."))) {
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
                Job j = s.runJob(plan.template(i, name, settings));
                System.out.println("SUBMITTED " + name + " " + j.getJobId());
            }
            System.out.println("DONE");
        }
    }

    /**
     * @param i a campaign index
     * @return the job name for it
     */
    public static String name(int i) {
        return String.format("c%03d", i);
    }

    /**
     * @param name a job name
     * @return its campaign index, or -1 when it is not a campaign name
     */
    public static int index(String name) {
        if (name == null || name.length() < 2 || name.charAt(0) != 'c') return -1;
        try {
            return Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static CampaignPlan plan(String className) throws ReflectiveOperationException {
        return (CampaignPlan) Class.forName(className).getDeclaredConstructor().newInstance();
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static Map<String, String> prefixed(Properties p, String prefix) {
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) if (k.startsWith(prefix)) m.put(k.substring(prefix.length()), p.getProperty(k));
        return m;
    }
}
