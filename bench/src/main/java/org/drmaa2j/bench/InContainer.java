// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Runs a class of this jar inside a started cluster container, as the cluster's ordinary user with the
 * container's own Java runtime, so that the figures are measured beside the scheduler's command line
 * (and with the same clock as the jobs). Lines the class prints as table rows become rows of the host's
 * table; other lines are echoed with a prefix.
 */
public final class InContainer {
    static final String JAR_IN_CONTAINER = "/tmp/drmaa2j-bench.jar";

    private InContainer() {
    }

    /**
     * @param cluster   a started container
     * @param table     the table that receives the rows
     * @param env       {@code NAME=value} settings for the Java process (may be empty)
     * @param classpath further class path entries inside the container (may be empty)
     * @param jvmArgs   further JVM options, e.g. {@code -Xmx2g} (may be empty)
     * @param mainClass the class to run; its {@code main} prints rows with {@link ResultTable#add}
     * @param args      its arguments
     * @throws Exception when the class exits non-zero
     */
    public static void runJava(ClusterContainer<?> cluster, ResultTable table, List<String> env, List<String> classpath,
            List<String> jvmArgs, String mainClass, String... args) throws Exception {
        cluster.copyFileToContainer(MountableFile.forHostPath(jar(), 0644), JAR_IN_CONTAINER);
        List<String> argv = new ArrayList<>(List.of("docker", "exec", "-u", ClusterContainer.USER, "-w", ClusterContainer.HOME));
        for (String e : env) {
            argv.add("-e");
            argv.add(e);
        }
        argv.add(cluster.getContainerId());
        argv.add("java");
        argv.addAll(jvmArgs);
        List<String> cp = new ArrayList<>(List.of(JAR_IN_CONTAINER));
        cp.addAll(classpath);
        argv.add("-cp");
        argv.add(String.join(":", cp));
        argv.add(mainClass);
        argv.addAll(List.of(args));
        String prefix = "  " + mainClass.substring(mainClass.lastIndexOf('.') + 1) + "> ";
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(ResultTable.ROW_PREFIX)) table.addRaw(line);
                else System.out.println(prefix + line);
            }
        }
        if (p.waitFor() != 0) throw new IllegalStateException(mainClass + " failed in the container, exit " + p.exitValue());
    }

    /**
     * Copies this JVM's runtime into a container that has none (same architecture, a glibc at least
     * as new), as {@code /opt/drmaa2j-java}, and links {@code /usr/local/bin/java} to it.
     *
     * @param cluster a started container
     * @throws Exception when the copy fails
     */
    public static void installJava(ClusterContainer<?> cluster) throws Exception {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        Process p = new ProcessBuilder("bash", "-c", "tar -C \"$0\" -chf - \"$1\" 2>/dev/null | docker exec -i -u root \"$2\" sh -c "
                + "'mkdir -p /opt/drmaa2j-java && tar -C /opt/drmaa2j-java --strip-components=1 -xf - "
                + "&& ln -sf /opt/drmaa2j-java/bin/java /usr/local/bin/java'",
                home.getParent().toString(), home.getFileName().toString(), cluster.getContainerId()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("could not copy the Java runtime into the container, exit " + p.exitValue());
    }

    /** @return this jar on the host */
    static Path jar() throws URISyntaxException {
        return Path.of(InContainer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
