package org.drmaa2j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Runs the end-to-end benchmarks and writes their table to {@code target/bench/bench-results.md}:
 * {@code java -jar bench/target/drmaa2j-bench.jar [slurm]}. Clusters are started in containers;
 * the figures are measured inside them, beside the scheduler's own command line.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        ResultTable table = new ResultTable();
        if (args.length == 0 || Arrays.asList(args).contains("slurm")) slurm(table);
        String md = "## Benchmarks\n\n" + table.markdown();
        Path out = Path.of("target", "bench", "bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println();
        System.out.println(md);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static void slurm(ResultTable table) throws Exception {
        Path jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (SlurmContainer cluster = new SlurmContainer()) {
            cluster.start();
            cluster.copyFileToContainer(MountableFile.forHostPath(jar, 0644), "/tmp/drmaa2j-bench.jar");
            String[] argv = {"docker", "exec", "-u", ClusterContainer.USER, "-w", ClusterContainer.HOME, cluster.getContainerId(),
                    "java", "-cp", "/tmp/drmaa2j-bench.jar", SlurmFigures.class.getName()};
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(ResultTable.ROW_PREFIX)) table.addRaw(line);
                    else System.out.println("  slurm> " + line);
                }
            }
            if (p.waitFor() != 0) throw new IllegalStateException("the Slurm figures failed, exit " + p.exitValue());
        }
    }

}
