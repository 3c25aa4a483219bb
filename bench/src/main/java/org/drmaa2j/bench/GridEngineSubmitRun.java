// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * One measured run inside the Grid Engine container, in its own JVM (DRMAA 1.0 allows one session
 * per process): after a warm-up ({@value #WARM_UP} jobs submitted and awaited), submits N trivial jobs ({@code /bin/true}, output to
 * {@code /dev/null}, joined streams: the same three attributes on both sides) one after another,
 * then waits for each, and prints {@code RESULT <side> jobs=N submit_ms=… total_ms=…}. Sides:
 * {@code drmaa2j} (the drmaa-native driver) and {@code ggf} (Grid Engine's own JNI binding of DRMAA
 * 1.0, {@code org.ggf.drmaa}, Debian's libdrmaa1.0-java, loaded by reflection: its jar exists only
 * where Grid Engine is installed). Usage: {@code GridEngineSubmitRun drmaa2j|ggf N [key=value…]},
 * the key=value pairs being driver properties of the drmaa2j side.
 */
public final class GridEngineSubmitRun {
    /** Jobs submitted and awaited before the measure, on both sides (class loading, JIT, the library's first calls). */
    static final int WARM_UP = 30;
    private GridEngineSubmitRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Map<String, String> props = new java.util.HashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            props.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        switch (args[0]) {
            case "drmaa2j" -> drmaa2j(n, props);
            case "ggf" -> ggf(n);
            default -> throw new IllegalArgumentException("side must be drmaa2j or ggf");
        }
    }

    private static void drmaa2j(int n, Map<String, String> props) throws Exception {
        Path state = Files.createTempDirectory("bench-state");
        Map<String, String> p = new java.util.HashMap<>(props);
        p.putIfAbsent("drmaa2j.stateDir", state.toString());
        try (SessionManager sm = Drmaa2.getProvider("drmaa-native").createSessionManager(p)) {
            JobSession s = sm.createJobSession("bench", null);
            JobTemplate t = JobTemplate.builder("/bin/true").outputPath("/dev/null").joinFiles(true).build();
            List<Job> warm = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) warm.add(s.runJob(t));
            for (Job j : warm) j.waitTerminated(Duration.ofMinutes(5));
            long t0 = System.nanoTime();
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) jobs.add(s.runJob(t));
            long t1 = System.nanoTime();
            for (Job j : jobs) j.waitTerminated(Duration.ofMinutes(10));
            long t2 = System.nanoTime();
            report("drmaa2j", n, t0, t1, t2);
        }
    }

    private static void ggf(int n) throws Exception {
        Class<?> factory = Class.forName("org.ggf.drmaa.SessionFactory");
        Object session = factory.getMethod("getSession").invoke(factory.getMethod("getFactory").invoke(null));
        Class<?> sc = Class.forName("org.ggf.drmaa.Session");
        sc.getMethod("init", String.class).invoke(session, (Object) null);
        Object jt = sc.getMethod("createJobTemplate").invoke(session);
        Class<?> jtc = Class.forName("org.ggf.drmaa.JobTemplate");
        jtc.getMethod("setRemoteCommand", String.class).invoke(jt, "/bin/true");
        jtc.getMethod("setOutputPath", String.class).invoke(jt, ":/dev/null");
        jtc.getMethod("setJoinFiles", boolean.class).invoke(jt, true);
        Method run = sc.getMethod("runJob", jtc);
        Method wait = sc.getMethod("wait", String.class, long.class);
        long forever = sc.getField("TIMEOUT_WAIT_FOREVER").getLong(null);
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) warm.add((String) run.invoke(session, jt));
        for (String id : warm) wait.invoke(session, id, forever);
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add((String) run.invoke(session, jt));
        long t1 = System.nanoTime();
        for (String id : ids) wait.invoke(session, id, forever);
        long t2 = System.nanoTime();
        report("ggf", n, t0, t1, t2);
        sc.getMethod("exit").invoke(session);
    }

    private static void report(String side, int n, long t0, long t1, long t2) {
        System.out.printf("RESULT %s jobs=%d submit_ms=%d total_ms=%d%n", side, n, (t1 - t0) / 1_000_000, (t2 - t0) / 1_000_000);
    }
}
