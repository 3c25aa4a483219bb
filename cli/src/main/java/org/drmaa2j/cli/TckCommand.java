// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.drmaa2j.tck.TckLauncher;
import org.drmaa2j.tck.TckSettings;
import org.drmaa2j.tck.env.ExistingClusterEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code drmaa2 tck}: runs the conformance suite against the scheduler of this machine (the TCK's
 * existing-cluster environment) with the chosen driver, and prints the Markdown report.
 */
@Command(name = "tck", mixinStandardHelpOptions = true,
        description = {"Run the conformance suite (TCK) against this machine's scheduler through the chosen driver and "
                + "print the Markdown report.", "Exits 0 when no test failed, else 1. The scratch directory must be "
                + "on a file system the compute nodes share."})
final class TckCommand implements Callable<Integer> {
    @ParentCommand
    Drmaa2Cli root;

    @Option(names = "--queues", split = ",", paramLabel = "NAME", description = "Queues the tests may use; the first is the default.")
    List<String> queues;

    @Option(names = "--machines", split = ",", paramLabel = "NAME", description = "Machines the tests may name.")
    List<String> machines;

    @Option(names = "--scratch", paramLabel = "DIR", description = "Shared directory for the jobs' files "
            + "(default: ~/drmaa2j-tck-scratch).")
    Path scratch;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where the report is written "
            + "(default: a new temporary directory).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        Path reports = reportDir != null ? reportDir : Files.createTempDirectory("drmaa2j-tck-");
        String driver = root.effectiveDriver();
        if (driver == null) driver = org.drmaa2j.Drmaa2.getProvider(null).getName();
        set(TckSettings.ENVIRONMENT, ExistingClusterEnvironment.NAME);
        set(TckSettings.DRIVER, driver);
        set(TckSettings.CONTACT, root.effectiveContact());
        set(TckSettings.REPORT_DIR, reports.toAbsolutePath().toString());
        if (queues != null) set(TckSettings.QUEUES, String.join(",", queues));
        if (machines != null) set(TckSettings.MACHINES, String.join(",", machines));
        if (scratch != null) set(TckSettings.SCRATCH, scratch.toAbsolutePath().toString());
        for (Map.Entry<String, String> e : root.properties.entrySet()) set(TckSettings.PROPERTY_PREFIX + e.getKey(), e.getValue());

        PrintWriter err = root.spec.commandLine().getErr();
        err.println("drmaa2: running the TCK with driver " + driver + "; the report goes to " + reports);
        err.flush();
        long failures = TckLauncher.run(err);
        PrintWriter out = root.spec.commandLine().getOut();
        out.print(report(reports));
        out.flush();
        return failures == 0 ? 0 : ErrorReporter.FAILURE;
    }

    private static String report(Path dir) {
        Path md = dir.resolve("tck-report.md");
        try {
            return Files.isRegularFile(md) ? Files.readString(md, StandardCharsets.UTF_8)
                    : "No report was written to " + dir + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + md + ": " + e.getMessage(), e);
        }
    }

    private static void set(String key, String value) {
        if (value != null) System.setProperty(key, value);
    }
}
