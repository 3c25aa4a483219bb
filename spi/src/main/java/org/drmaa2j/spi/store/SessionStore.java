// SPDX-License-Identifier: Apache-2.0
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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.drmaa2j.InternalException;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.spi.util.SessionNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent job-session store of one driver. Layout under the root (all directories 0700,
 * all files 0600):
 * <pre>
 * sessions/NAME/session.json        name, contact, creation time (written atomically)
 * sessions/NAME/journal.log         the session's append-only journal (see below)
 * sessions/NAME/writers/            one claim per process that has the journal open
 * sessions/NAME/markers/JOBID.exit  {@link CompletionMarker}s written by the jobs themselves (local driver)
 * sessions/NAME/markers/TAG.I.exit   {@link CompletionMarker}s written by the job scripts of CLI drivers
 * sessions/NAME/work/               backend scratch space (scripts, logs)
 * </pre>
 * Creating a session is atomic across processes and against a kill: the directory is made complete
 * under {@code creating/} and renamed into place.
 *
 * <p>Jobs are kept in the session's journal: one line per event, appended with one write each and
 * never rewritten in place, so a process killed at any moment leaves every event it completed.
 * A submission is recorded in two steps: an {@linkplain #recordIntent intent} with a unique tag
 * before the scheduler is asked, then the {@linkplain #recordSubmitted job ids} under that tag.
 * An intent without job ids is what {@link #pendingIntents} reports after a crash; the session
 * layer resolves it against the scheduler. Writes are not synced to disk: they survive a killed
 * process, not a crashed operating system (compaction is: it never leaves an empty journal). Readers
 * replay the journal and skip damaged lines (a torn last record, a garbage line), keeping every
 * intact record; the damage is reported once ({@link JournalDamage}). The order of writes against
 * closing (compaction) and destroying a session is {@link JournalWriters}'.
 * Only {@link Files} operations are used, so the root may be on any {@link java.nio.file.FileSystem}.
 */
public final class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private final Path root;
    private final JournalDamage damage;
    private final JournalWriters writers;
    private final Map<String, Replayed> replayed = new ConcurrentHashMap<>();
    /** Tags of submissions this store's process has under way: never pending to anyone here. */
    private final java.util.Set<String> underWay = ConcurrentHashMap.newKeySet();

    /**
     * @param root the driver's state directory; created 0700 if missing
     * @throws SessionManagementException if it cannot be created
     */
    public SessionStore(Path root) {
        this(root, new JournalDamage());
    }

    /**
     * @param root the driver's state directory
     * @param damage where journal damage is reported
     */
    SessionStore(Path root, JournalDamage damage) {
        this.root = root.toAbsolutePath();
        this.damage = damage;
        this.writers = new JournalWriters(this::sessionDirectory, damage);
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
     * @return the directory of the session's completion markers (0700, made with the session)
     */
    public Path markerDirectory(String session) {
        return sessionDirectory(session).resolve("markers");
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
        writers.revive(name);
        if (Files.isRegularFile(dir.resolve("session.json"))) {
            throw new SessionManagementException("a job session named '" + name + "' already exists");
        }
        // built complete in a staging directory, then renamed into place: a process killed meanwhile
        // leaves either no session or a whole one, never a half-made one that blocks the name
        SessionRecord rec = new SessionRecord(name, contact, Instant.now());
        Path staging = null;
        try {
            Path creating = AtomicFiles.privateDirectories(root.resolve("creating"));
            staging = creating.resolve(dir.getFileName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            AtomicFiles.createPrivateDirectory(staging);
            for (String sub : List.of("markers", "work")) AtomicFiles.createPrivateDirectory(staging.resolve(sub));
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("name", name);
            Json.put(n, "contact", contact);
            Json.put(n, "created", rec.created());
            AtomicFiles.write(staging.resolve("session.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            if (!moveIntoPlace(staging, dir)) {
                // a directory without session.json is what an older, interrupted creation left
                if (Files.isRegularFile(dir.resolve("session.json")) || !discardIncomplete(dir) || !moveIntoPlace(staging, dir)) {
                    throw new SessionManagementException("a job session named '" + name + "' already exists");
                }
            }
            staging = null;
        } catch (IOException e) {
            throw new SessionManagementException("cannot create job session '" + name + "': " + e.getMessage(), e);
        } finally {
            if (staging != null) deleteTree(staging);
        }
        return rec;
    }

    /** @return false when the target exists */
    private static boolean moveIntoPlace(Path staging, Path dir) throws IOException {
        try {
            try {
                Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(staging, dir);
            }
            return true;
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            if (Files.exists(dir)) return false; // some file systems say so in other words
            throw e;
        }
    }

    private boolean discardIncomplete(Path dir) {
        try {
            Path trash = AtomicFiles.privateDirectories(root.resolve("trash"));
            Path tomb = trash.resolve(dir.getFileName() + "-" + System.nanoTime());
            Files.move(dir, tomb, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("removed the incomplete job session directory {} left by an interrupted creation", dir);
            deleteTree(tomb);
            return true;
        } catch (IOException | SessionManagementException e) {
            return false;
        }
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
            writers.revive(name);
            return new SessionRecord(name, Json.str(n, "contact"), Json.instant(n, "created"));
        } catch (IOException e) {
            if (SessionJournal.isMissing(e, file)) throw new SessionManagementException("there is no job session named '" + name + "'");
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
     * Removes a session with its records and markers. From the moment this starts, records written
     * to the session by this store are dropped on purpose (see {@link JournalWriters}).
     *
     * @param name the session name
     * @throws SessionManagementException if there is no such session
     */
    public void destroy(String name) {
        Path dir = sessionDirectory(name);
        if (!Files.isDirectory(dir)) throw new SessionManagementException("there is no job session named '" + name + "'");
        Path[] moved = new Path[1];
        writers.destroy(name, () -> moved[0] = moveToTrash(name, dir));
        replayed.remove(name);
        Path tomb = moved[0];
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

    /**
     * One atomic rename makes the session disappear at once; a job that is just ending may still
     * write its marker into the moved directory, so the trash is emptied with a few retries.
     */
    private Path moveToTrash(String name, Path dir) {
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
        return tomb;
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
     * Records a job's latest record in its session's journal. Does nothing when the session was
     * destroyed meanwhile.
     *
     * @param rec the record
     */
    public void saveJob(JobRecord rec) {
        writers.write(rec.sessionName(), j -> List.of(j.knows(rec.jobId()) ? JournalEvents.info(rec) : JournalEvents.job(rec, null, true)),
                "the record of job " + rec.jobId());
    }

    /**
     * Records, before the scheduler is asked, that a submission is about to happen.
     *
     * @param session the session name
     * @param intent the submission with its tag
     * @throws InternalException if it cannot be recorded (then nothing may be submitted)
     * @throws SessionManagementException if the session does not exist or is being destroyed
     */
    public void recordIntent(String session, SubmissionIntent intent) {
        underWay.add(intent.tag());
        boolean written;
        try {
            written = writers.write(session, j -> List.of(JournalEvents.intent(intent)), "the intent of a submission");
        } catch (RuntimeException e) {
            underWay.remove(intent.tag());
            throw e;
        }
        if (!written) {
            underWay.remove(intent.tag());
            throw new SessionManagementException("there is no job session named '" + session + "'");
        }
    }

    /**
     * Says that a submission of this process ended without a known outcome (the scheduler's answer
     * was lost): its intent stays pending, and reopening the session resolves it.
     *
     * @param tag the intent's tag
     */
    public void leavePending(String tag) {
        underWay.remove(tag);
    }

    /**
     * Records the jobs a recorded intent became (one for a single job, one per task of a bulk job).
     *
     * @param tag the intent's tag
     * @param recs the jobs' records, all of one session
     * @throws SessionManagementException if the session was destroyed meanwhile (the caller then
     *         ends the jobs: nobody could ever see them)
     * @throws InternalException if the journal cannot be written
     */
    public void recordSubmitted(String tag, List<JobRecord> recs) {
        underWay.remove(tag);
        if (recs.isEmpty()) return;
        String session = recs.get(0).sessionName();
        List<ObjectNode> events = new ArrayList<>();
        for (JobRecord r : recs) events.add(JournalEvents.job(r, tag, false));
        if (!writers.write(session, j -> events, "the job ids of a submission")) {
            throw new SessionManagementException("job session '" + session + "' was destroyed while job " + recs.get(0).jobId()
                    + " was submitted into it");
        }
    }

    /**
     * Records that an intent never became a job (the scheduler refused it, or does not know its tag).
     *
     * @param session the session name
     * @param tag the intent's tag
     * @param why the reason, for the record
     */
    public void dropIntent(String session, String tag, String why) {
        underWay.remove(tag);
        writers.write(session, j -> List.of(JournalEvents.dropped(tag, why)), "the end of a submission intent");
    }

    /**
     * @param session a session name
     * @return the intents of the session that have neither job ids nor were dropped, oldest first,
     *         except those of submissions this process still has under way
     */
    public List<SubmissionIntent> pendingIntents(String session) {
        List<SubmissionIntent> list = new ArrayList<>();
        for (SubmissionIntent i : state(session).pending.values()) if (!underWay.contains(i.tag())) list.add(i);
        return list;
    }

    /**
     * @param session a session name
     * @param jobId a job id
     * @return the stored record, or empty
     */
    public Optional<JobRecord> loadJob(String session, String jobId) {
        return Optional.ofNullable(state(session).jobs.get(jobId));
    }

    /**
     * @param session a session name
     * @return every stored job of the session, in the order they were first recorded
     */
    public List<JobRecord> loadJobs(String session) {
        return new ArrayList<>(state(session).jobs.values());
    }

    /**
     * Removes a job from its session, with its marker and any other file a backend keeps for it
     * next to the marker ({@code markers/JOBID.*}).
     *
     * @param session a session name
     * @param jobId a job id
     */
    public void deleteJob(String session, String jobId) {
        if (!writers.write(session, j -> List.of(JournalEvents.reaped(jobId)), "the reaping of job " + jobId)) return;
        try {
            Path markers = markerFile(session, jobId).getParent();
            if (!Files.isDirectory(markers)) return;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(markers, fileName(jobId) + ".*")) {
                for (Path p : ds) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new InternalException("cannot remove the files of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes the session's journal in this process, compacting it when no other process writes it.
     * A later write opens it again.
     *
     * @param session a session name
     */
    public void closeSession(String session) {
        writers.close(session);
    }

    /** Closes every journal this store has open. */
    public void close() {
        writers.closeAll();
    }

    /**
     * @return how many records this store dropped on purpose because their session was being
     *         destroyed, was destroyed by another process, or did not exist
     */
    public long droppedLateRecords() {
        return writers.dropped();
    }

    /**
     * The session's state as its journal describes it now. The last replay is kept while the
     * journal's size, modification time and file key stay the same, so that reading one job after
     * another (a backend refreshing jobs started by another process) replays the journal once.
     */
    private JournalEvents.State state(String session) {
        Path dir = sessionDirectory(session);
        try {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(SessionJournal.FILE), BasicFileAttributes.class);
            Replayed last = replayed.get(session);
            if (last != null && last.size == a.size() && last.modified.equals(a.lastModifiedTime())
                    && java.util.Objects.equals(last.key, a.fileKey())) {
                return last.state;
            }
            JournalEvents.State s = SessionJournal.read(dir, session);
            damage.report(session, dir.resolve(SessionJournal.FILE), s, false, null);
            replayed.put(session, new Replayed(a.size(), a.lastModifiedTime(), a.fileKey(), s));
            return s;
        } catch (IOException e) {
            if (SessionJournal.isMissing(e, dir.resolve(SessionJournal.FILE))) {
                replayed.remove(session);
                return readUncached(dir, session); // no journal yet; perhaps an older store's records
            }
            throw new SessionManagementException("cannot read the jobs of session '" + session + "': " + e.getMessage(), e);
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

    private static JournalEvents.State readUncached(Path dir, String session) {
        try {
            return SessionJournal.read(dir, session);
        } catch (IOException e) {
            throw new SessionManagementException("cannot read the jobs of session '" + session + "': " + e.getMessage(), e);
        }
    }

    private record Replayed(long size, FileTime modified, Object key, JournalEvents.State state) {
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
