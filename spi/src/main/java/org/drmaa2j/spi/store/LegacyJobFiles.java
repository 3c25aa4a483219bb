// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job records of sessions written before the journal: one JSON file per job in {@code jobs/}.
 * They are read first and the journal is replayed on top of them; the first compaction folds them
 * into the journal and removes the directory.
 */
final class LegacyJobFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyJobFiles.class);

    private LegacyJobFiles() {
    }

    /** Puts the legacy records into a state, before the journal is replayed on top of them. */
    static void read(Path sessionDirectory, JournalEvents.State state) {
        Path jobs = sessionDirectory.resolve("jobs");
        if (!Files.isDirectory(jobs)) return;
        List<JobRecord> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(jobs, "*.json")) {
            for (Path p : ds) {
                try {
                    JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(p));
                    JobRecord r = new JobRecord(Json.str(n, "jobId"), Json.str(n, "sessionName"), Json.str(n, "arrayId"),
                            n.path("taskIndex").asLong(1), TemplateJson.fromJson(n.get("template")),
                            JobInfoJson.fromJson(n.get("info")), Json.map(n, "driverData"));
                    found.add(r);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("skipping unreadable job record {}: {}", p, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the job records in {}: {}", jobs, e.toString());
        }
        found.sort(java.util.Comparator.comparing((JobRecord r) -> r.info().getSubmissionTime(),
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(JobRecord::taskIndex).thenComparing(JobRecord::jobId));
        for (JobRecord r : found) state.jobs.put(r.jobId(), r);
    }

    /** Removes the legacy records once the journal holds them. */
    static void remove(Path sessionDirectory) throws IOException {
        Path jobs = sessionDirectory.resolve("jobs");
        if (!Files.isDirectory(jobs)) return;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(jobs)) {
            ds.forEach(files::add);
        }
        for (Path p : files) Files.deleteIfExists(p);
        Files.deleteIfExists(jobs);
    }
}
