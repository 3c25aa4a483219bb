// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.tck.containers.GridEngineContainer;

/**
 * drmaa2j's drmaa-native driver against Grid Engine's own JNI binding of DRMAA 1.0
 * ({@code org.ggf.drmaa}, Debian's libdrmaa1.0-java) on the same Grid Engine 8.1.9 cluster (the
 * TCK's container): submission throughput of {@value #JOBS} jobs one by one, and submit-and-wait of
 * {@value #JOBS} jobs, each side in its own JVM per round ({@link GridEngineSubmitRun}), rounds
 * interleaved (ABBA) so that both sides see the same machine load, medians of the rounds. System
 * property {@code drmaa2j.bench.gridengine.rounds} (default {@value #DEFAULT_ROUNDS}). Standalone:
 * {@code java -cp drmaa2j-bench.jar org.drmaa2j.bench.GridEngineFigures} prints the rows.
 */
public final class GridEngineFigures implements FigureGroup {
    static final int JOBS = 200;
    static final int DEFAULT_ROUNDS = 3;
    private static final Pattern RESULT = Pattern.compile("RESULT (\\S+) jobs=(\\d+) submit_ms=(\\d+) total_ms=(\\d+)");
    /** The environment a JVM needs to load Grid Engine's libdrmaa (see the driver's README). */
    static final List<String> ENV = List.of(GridEngineContainer.DRMAA_JVM_TUNABLES,
            "SGE_ROOT=" + GridEngineContainer.SGE_ROOT, "SGE_CELL=" + GridEngineContainer.SGE_CELL,
            "DRMAA_LIBRARY_PATH=" + GridEngineContainer.DRMAA_LIBRARY);

    @Override
    public String name() {
        return "gridengine";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        try (GridEngineContainer cluster = new GridEngineContainer()) {
            cluster.start();
            int rounds = Integer.getInteger("drmaa2j.bench.gridengine.rounds", DEFAULT_ROUNDS);
            InContainer.runJava(cluster, table, ENV, List.of(GridEngineContainer.DRMAA_JAVA_BINDING),
                    List.of("-Djava.library.path=/usr/lib/jni"), GridEngineFigures.class.getName(), "inside", Integer.toString(rounds));
        }
    }

    /**
     * {@code inside R}: runs in the container, R rounds of both sides, and prints the rows. Without
     * arguments: starts the container and prints the table.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("inside")) {
            inside(Integer.parseInt(args[1]), new ResultTable());
            return;
        }
        ResultTable table = new ResultTable();
        new GridEngineFigures().measure(table);
        System.out.println(table.markdown());
    }

    private static void inside(int rounds, ResultTable table) throws Exception {
        List<Double> oursSubmit = new ArrayList<>();
        List<Double> theirsSubmit = new ArrayList<>();
        List<Double> oursTotal = new ArrayList<>();
        List<Double> theirsTotal = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = r % 2 == 0 ? List.of("ggf", "drmaa2j") : List.of("drmaa2j", "ggf");
            for (String side : order) {
                long[] ms = child(side);
                boolean ours = side.equals("drmaa2j");
                (ours ? oursSubmit : theirsSubmit).add(JOBS * 1000.0 / Math.max(1, ms[0]));
                (ours ? oursTotal : theirsTotal).add(JOBS * 1000.0 / Math.max(1, ms[1]));
            }
        }
        double os = median(oursSubmit);
        double ts = median(theirsSubmit);
        double ot = median(oursTotal);
        double tt = median(theirsTotal);
        String of = " (median of " + rounds + ", jobs/s)";
        table.add("Grid Engine: submit " + JOBS + " jobs one by one, drmaa-native" + of, ResultTable.fmt(os),
                ResultTable.fmt(ts) + " (Grid Engine's JNI binding org.ggf.drmaa)", ResultTable.ratio(os, ts), "≥ 0.9×",
                os / ts >= 0.9 ? "yes" : "no");
        table.add("Grid Engine: submit and wait for " + JOBS + " jobs, drmaa-native" + of, ResultTable.fmt(ot),
                ResultTable.fmt(tt) + " (Grid Engine's JNI binding org.ggf.drmaa)", ResultTable.ratio(ot, tt), "-", "-");
        System.out.println(String.format(Locale.ROOT, "rounds: submission drmaa2j %s / ggf %s jobs/s; end to end drmaa2j %s / ggf %s jobs/s",
                oursSubmit, theirsSubmit, oursTotal, theirsTotal));
    }

    /** Runs one side in its own JVM with this JVM's class path; returns {submit ms, total ms}. */
    private static long[] child(String side) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.library.path=" + System.getProperty("java.library.path"),
                GridEngineSubmitRun.class.getName(), side, Integer.toString(JOBS)));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        Matcher m = RESULT.matcher(out);
        if (rc != 0 || !m.find()) throw new IllegalStateException(side + " run failed (exit " + rc + "): " + out);
        System.out.println(m.group());
        return new long[] {Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
