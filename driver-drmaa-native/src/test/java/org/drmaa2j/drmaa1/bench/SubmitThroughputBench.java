package org.drmaa2j.drmaa1.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;

/**
 * Submits N trivial jobs ({@code /bin/true}) through drmaa2j's drmaa-native driver and through Grid
 * Engine's own JNI binding of DRMAA 1.0 ({@code org.ggf.drmaa}, Debian's libdrmaa1.0-java), each in
 * its own JVM (DRMAA 1.0 allows one session per process), and prints submission and end-to-end
 * throughput and their ratio. Run where the library and the qmaster are (the Grid Engine
 * container), with the JNI binding's jar on the class path:
 * {@code SubmitThroughputBench both 200}. Modes: {@code drmaa2j N}, {@code ggf N}, {@code both N}.
 */
public final class SubmitThroughputBench {
    private static final Pattern RESULT = Pattern.compile("RESULT (\\S+) jobs=(\\d+) submit_ms=(\\d+) total_ms=(\\d+)");

    private SubmitThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "both";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        switch (mode) {
            case "drmaa2j" -> drmaa2j(n);
            case "ggf" -> ggf(n);
            case "both" -> both(n);
            default -> throw new IllegalArgumentException("mode must be drmaa2j, ggf or both");
        }
    }

    private static void both(int n) throws Exception {
        long[] ours = child("drmaa2j", n);
        long[] theirs = child("ggf", n);
        System.out.printf("submission rate: drmaa2j %.1f jobs/s, org.ggf.drmaa %.1f jobs/s, ratio %.2f%n",
                rate(n, ours[0]), rate(n, theirs[0]), rate(n, ours[0]) / rate(n, theirs[0]));
        System.out.printf("end-to-end rate (submit + all ended): drmaa2j %.1f jobs/s, org.ggf.drmaa %.1f jobs/s, ratio %.2f%n",
                rate(n, ours[1]), rate(n, theirs[1]), rate(n, ours[1]) / rate(n, theirs[1]));
    }

    private static double rate(int n, long ms) {
        return n * 1000.0 / Math.max(1, ms);
    }

    /** Runs one mode in a child JVM with this JVM's class path and returns {submit ms, total ms}. */
    private static long[] child(String mode, int n) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SubmitThroughputBench.class.getName(), mode, Integer.toString(n)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        System.out.print(out);
        Matcher m = RESULT.matcher(out);
        if (rc != 0 || !m.find()) throw new IllegalStateException(mode + " run failed (exit " + rc + ")");
        return new long[] {Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    private static void drmaa2j(int n) throws Exception {
        Path state = Files.createTempDirectory("bench-state");
        try (SessionManager sm = Drmaa2.getProvider("drmaa-native").createSessionManager(Map.of("drmaa2j.stateDir", state.toString()))) {
            JobSession s = sm.createJobSession("bench", null);
            JobTemplate t = JobTemplate.builder("/bin/true").outputPath("/dev/null").joinFiles(true).build();
            s.runJob(t).waitTerminated(Duration.ofMinutes(2)); // warm-up: library loaded, session open
            long t0 = System.nanoTime();
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) jobs.add(s.runJob(t));
            long t1 = System.nanoTime();
            for (Job j : jobs) j.waitTerminated(Duration.ofMinutes(10));
            long t2 = System.nanoTime();
            report("drmaa2j", n, t0, t1, t2);
        }
    }

    /** Grid Engine's binding, by reflection: its jar exists only where Grid Engine is installed. */
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
        wait.invoke(session, run.invoke(session, jt), forever); // warm-up
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add((String) run.invoke(session, jt));
        long t1 = System.nanoTime();
        for (String id : ids) wait.invoke(session, id, forever);
        long t2 = System.nanoTime();
        report("org.ggf.drmaa", n, t0, t1, t2);
        sc.getMethod("exit").invoke(session);
    }

    private static void report(String what, int n, long t0, long t1, long t2) {
        System.out.printf("RESULT %s jobs=%d submit_ms=%d total_ms=%d%n", what.replace(' ', '_'), n,
                (t1 - t0) / 1_000_000, (t2 - t0) / 1_000_000);
    }
}
