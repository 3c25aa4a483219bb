package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drmaa2j.InternalException;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.spi.util.SessionNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent job-session store of one driver. Layout under the root (all directories 0700,
 * all files 0600, every file written atomically):
 * <pre>
 * sessions/NAME/session.json        name, contact, creation time
 * sessions/NAME/jobs/JOBID.json     one {@link JobRecord} per job
 * sessions/NAME/markers/JOBID.exit  {@link CompletionMarker}s written by the jobs themselves
 * sessions/NAME/work/               backend scratch space (scripts, logs)
 * </pre>
 * Creating a session is atomic across processes (the directory is created exclusively).
 */
public final class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private final Path root;

    /**
     * @param root the driver's state directory; created 0700 if missing
     * @throws SessionManagementException if it cannot be created
     */
    public SessionStore(Path root) {
        this.root = root.toAbsolutePath();
        try {
            AtomicFiles.privateDirectories(this.root.resolve("sessions"));
        } catch (IOException e) {
            throw new SessionManagementException("cannot create the session store " + this.root + ": " + e.getMessage(), e);
        }
    }

    /** @return the root directory */
    public Path root() {
        return root;
    }

    /**
     * @param name a session name
     * @return the session's directory (which may not exist)
     */
    public Path sessionDirectory(String name) {
        return root.resolve("sessions").resolve(SessionNames.check(name));
    }

    /**
     * @param session a session name
     * @param jobId a job id
     * @return where the job's {@link CompletionMarker} goes
     */
    public Path markerFile(String session, String jobId) {
        return sessionDirectory(session).resolve("markers").resolve(fileName(jobId) + ".exit");
    }

    /**
     * @param session a session name
     * @return the session's scratch directory for backend files
     */
    public Path workDirectory(String session) {
        return sessionDirectory(session).resolve("work");
    }

    /**
     * Creates a session atomically.
     *
     * @param name the name
     * @param contact the contact string, or null
     * @return the new record
     * @throws SessionManagementException if a session with that name exists
     */
    public SessionRecord create(String name, String contact) {
        Path dir = sessionDirectory(name);
        try {
            AtomicFiles.createPrivateDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new SessionManagementException("a job session named '" + name + "' already exists");
        } catch (IOException e) {
            throw new SessionManagementException("cannot create job session '" + name + "': " + e.getMessage(), e);
        }
        SessionRecord rec = new SessionRecord(name, contact, Instant.now());
        try {
            for (String sub : List.of("jobs", "markers", "work")) AtomicFiles.createPrivateDirectory(dir.resolve(sub));
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("name", name);
            Json.put(n, "contact", contact);
            Json.put(n, "created", rec.created());
            AtomicFiles.write(dir.resolve("session.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        } catch (IOException e) {
            deleteTree(dir);
            throw new SessionManagementException("cannot create job session '" + name + "': " + e.getMessage(), e);
        }
        return rec;
    }

    /**
     * @param name a session name
     * @return its record
     * @throws SessionManagementException if there is no such session
     */
    public SessionRecord open(String name) {
        Path file = sessionDirectory(name).resolve("session.json");
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(file));
            return new SessionRecord(name, Json.str(n, "contact"), Json.instant(n, "created"));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new SessionManagementException("there is no job session named '" + name + "'");
        } catch (IOException e) {
            throw new SessionManagementException("cannot read job session '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * @param name a session name
     * @return true when it exists
     */
    public boolean exists(String name) {
        return Files.isRegularFile(sessionDirectory(name).resolve("session.json"));
    }

    /**
     * Removes a session with its records and markers.
     *
     * @param name the session name
     * @throws SessionManagementException if there is no such session
     */
    public void destroy(String name) {
        Path dir = sessionDirectory(name);
        if (!Files.isDirectory(dir)) throw new SessionManagementException("there is no job session named '" + name + "'");
        // one atomic rename makes the session disappear at once; a job that is just ending may still
        // write its marker into the moved directory, so the trash is emptied with a few retries
        Path tomb;
        try {
            Path trash = root.resolve("trash");
            try {
                AtomicFiles.createPrivateDirectory(trash);
            } catch (java.nio.file.FileAlreadyExistsException exists) {
                // made by an earlier or concurrent destroy
            }
            tomb = trash.resolve(dir.getFileName() + "-" + System.nanoTime());
            Files.move(dir, tomb, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new SessionManagementException("there is no job session named '" + name + "'");
        } catch (IOException e) {
            throw new SessionManagementException("cannot remove job session '" + name + "': " + e.getMessage(), e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(tomb);
                return;
            } catch (SessionManagementException e) {
                if (attempt == 5) {
                    LOG.warn("job session '{}' is destroyed, but {} could not be emptied: {}", name, tomb, e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return the names of every stored session, sorted */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("sessions"))) {
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve("session.json"))) names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new SessionManagementException("cannot list job sessions in " + root + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    /**
     * Writes a job's record atomically. Does nothing when the session was destroyed meanwhile.
     *
     * @param rec the record
     */
    public void saveJob(JobRecord rec) {
        Path jobs = sessionDirectory(rec.sessionName()).resolve("jobs");
        if (!Files.isDirectory(jobs)) return;
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("jobId", rec.jobId());
        n.put("sessionName", rec.sessionName());
        Json.put(n, "arrayId", rec.arrayId());
        n.put("taskIndex", rec.taskIndex());
        n.set("template", TemplateJson.toJson(rec.template()));
        n.set("info", JobInfoJson.toJson(rec.info()));
        Json.put(n, "driverData", rec.driverData());
        try {
            AtomicFiles.write(jobs.resolve(fileName(rec.jobId()) + ".json"), Json.MAPPER.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new InternalException("cannot write the record of job " + rec.jobId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param session a session name
     * @param jobId a job id
     * @return the stored record, or empty
     */
    public Optional<JobRecord> loadJob(String session, String jobId) {
        return readJob(sessionDirectory(session).resolve("jobs").resolve(fileName(jobId) + ".json"));
    }

    /**
     * @param session a session name
     * @return every stored job of the session (unreadable records are logged and skipped)
     */
    public List<JobRecord> loadJobs(String session) {
        List<JobRecord> list = new ArrayList<>();
        Path jobs = sessionDirectory(session).resolve("jobs");
        if (!Files.isDirectory(jobs)) return list;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(jobs, "*.json")) {
            for (Path p : ds) readJob(p).ifPresent(list::add);
        } catch (IOException e) {
            throw new SessionManagementException("cannot read the jobs of session '" + session + "': " + e.getMessage(), e);
        }
        list.sort(Comparator.comparing((JobRecord r) -> r.info().getSubmissionTime(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(JobRecord::taskIndex));
        return list;
    }

    /**
     * Removes a job's record, its marker and any other file a backend keeps for it next to the
     * marker ({@code markers/JOBID.*}).
     *
     * @param session a session name
     * @param jobId a job id
     */
    public void deleteJob(String session, String jobId) {
        try {
            Files.deleteIfExists(sessionDirectory(session).resolve("jobs").resolve(fileName(jobId) + ".json"));
            Path markers = markerFile(session, jobId).getParent();
            if (!Files.isDirectory(markers)) return;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(markers, fileName(jobId) + ".*")) {
                for (Path p : ds) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new InternalException("cannot remove the record of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    private Optional<JobRecord> readJob(Path file) {
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(file));
            return Optional.of(new JobRecord(Json.str(n, "jobId"), Json.str(n, "sessionName"), Json.str(n, "arrayId"),
                    n.path("taskIndex").asLong(1), TemplateJson.fromJson(n.get("template")),
                    JobInfoJson.fromJson(n.get("info")), Json.map(n, "driverData")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping unreadable job record {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * @param jobId a job id
     * @return a file name for it: characters other than letters, digits, {@code . _ -} escaped
     */
    static String fileName(String jobId) {
        StringBuilder sb = new StringBuilder();
        for (char c : jobId.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-') sb.append(c);
            else sb.append('%').append(String.format("%04x", (int) c));
        }
        if (sb.length() > 0 && sb.charAt(0) == '.') sb.replace(0, 1, "%002e");
        return sb.toString();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException | UncheckedIOException e) {
            throw new SessionManagementException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
