// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one run's results as JSON into {@code results/} of the report directory, then regenerates
 * {@code tck-report.md} and {@code tck-report.html} from every result file found there, so the
 * matrix covers every driver and run of the build.
 */
public final class ReportWriter {
    /** The Markdown report's file name. */
    public static final String MARKDOWN = "tck-report.md";
    /** The HTML report's file name. */
    public static final String HTML = "tck-report.html";
    /** The directory of per-run JSON files. */
    public static final String RESULTS = "results";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    /** @param dir the report directory */
    public ReportWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * @param run the run to add
     * @return the result file written
     * @throws IOException if a file cannot be written
     */
    public Path write(RunResult run) throws IOException {
        Path results = Files.createDirectories(dir.resolve(RESULTS));
        Path file = results.resolve(run.key() + ".json");
        // runs of several modules may end at once (a parallel build): one writer at a time, each file
        // replaced whole, so the last report written covers every result file
        try (FileChannel lock = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            replace(file, json.writeValueAsString(run));
            ReportMatrix matrix = new ReportMatrix(readAll());
            replace(dir.resolve(MARKDOWN), new MarkdownReport().render(matrix));
            replace(dir.resolve(HTML), new HtmlReport().render(matrix));
        }
        return file;
    }

    private static void replace(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return every run in the results directory, ordered by label @throws IOException on a read error */
    public List<RunResult> readAll() throws IOException {
        List<RunResult> runs = new ArrayList<>();
        Path results = dir.resolve(RESULTS);
        if (!Files.isDirectory(results)) return runs;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(results, "*.json")) {
            for (Path p : ds) {
                try {
                    runs.add(json.readValue(p.toFile(), RunResult.class));
                } catch (IOException e) {
                    // a foreign or half-written file must not break the report of the others
                }
            }
        }
        runs.sort(Comparator.comparing(RunResult::label));
        return runs;
    }
}
