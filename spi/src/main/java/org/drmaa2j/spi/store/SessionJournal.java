// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of one job session in this process: {@value #FILE} in the session
 * directory, one {@link JournalEvents} line per event, kept open for appending while the session is
 * in use. Each event is handed to the operating system in one write before the call returns, so it
 * survives the process being killed at any moment; there is no fsync, so an operating-system crash
 * or power loss may lose the last events.
 *
 * <p>Every write starts with a line break: whatever a writer killed in the middle of a write left
 * (a torn line) stays a line of its own, which replay skips, and the next event, from this or any
 * other process, is intact.
 *
 * <p>Compaction rewrites the journal as the state it describes (atomically: a temporary file, forced
 * to disk, then a rename, so that not even a system crash leaves an empty journal behind). It
 * happens when the journal is opened and closed, and only when no other live process has the
 * journal open: each process that writes holds a claim file in {@code writers/} (its host, process
 * id and start time, {@link OwnerProcess}), and compaction holds the claim {@code compacting}. A
 * claim left by a killed process on this host is recognised (its process is gone) and removed; one
 * left by a process on another host keeps compaction off, which costs space, never events.
 * Compaction drops damaged lines, after keeping a copy of the damaged journal
 * ({@code journal.damaged-MILLIS.log}) and reporting the damage ({@link JournalDamage}). The
 * journal never creates its session directory: once the session is destroyed, opening it fails.
 * Only {@link Files} operations are used, so the journal works on any {@link java.nio.file.FileSystem},
 * a remote one included.
 */
final class SessionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(SessionJournal.class);
    /** The journal's file name in the session directory. */
    static final String FILE = "journal.log";
    private static final OwnerProcess ME = OwnerProcess.current();

    private final Path dir;
    private final String session;
    private final JournalDamage damage;
    private final String writerId = ME.host().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + ME.pid() + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    private final Set<String> known = new HashSet<>();
    private OutputStream out;

    SessionJournal(Path sessionDirectory, String session, JournalDamage damage) {
        this.dir = sessionDirectory;
        this.session = session;
        this.damage = damage;
    }

    /**
     * @param sessionDirectory a session directory
     * @param session its name
     * @return the state its journal describes (empty when there is none)
     * @throws IOException if it cannot be read
     */
    static JournalEvents.State read(Path sessionDirectory, String session) throws IOException {
        Path file = sessionDirectory.resolve(FILE);
        JournalEvents.State state = new JournalEvents.State();
        LegacyJobFiles.read(sessionDirectory, state); // an older store's records, under the journal's
        try {
            return JournalEvents.replay(state, session, Files.readAllBytes(file), file);
        } catch (IOException e) {
            if (!isMissing(e, file)) throw e;
            return state;
        }
    }

    /** @return true when the journal knows the job (an {@code info} line then suffices) */
    synchronized boolean knows(String jobId) {
        return known.contains(jobId);
    }

    /**
     * Appends events, opening the journal first if needed; all lines go out in one write.
     *
     * @param events the events
     * @throws IOException if they cannot be written
     */
    synchronized void append(List<ObjectNode> events) throws IOException {
        if (out == null) open();
        StringBuilder sb = new StringBuilder().append('\n');
        for (ObjectNode e : events) {
            sb.append(Json.MAPPER.writeValueAsString(e)).append('\n');
            String id = Json.str(e, "id");
            if (id == null) continue;
            if ("reaped".equals(Json.str(e, "e"))) known.remove(id);
            else known.add(id);
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** @return true while the journal is open for appending */
    synchronized boolean isOpen() {
        return out != null;
    }

    private void open() throws IOException {
        Path writers = dir.resolve("writers");
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "the session was destroyed");
        if (!Files.isDirectory(writers)) {
            try {
                AtomicFiles.createPrivateDirectory(writers); // never its parents: a destroyed session stays destroyed
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another writer meanwhile
            }
        }
        Path claim = writers.resolve(writerId);
        if (!AtomicFiles.claim(claim, ME.toLines().getBytes(StandardCharsets.UTF_8))) {
            throw new java.nio.file.FileAlreadyExistsException(claim.toString(), null, "journal claim exists");
        }
        JournalEvents.State state;
        try {
            state = compactIfAlone();
            if (state == null) {
                awaitCompaction();
                state = read(dir, session);
            }
            Path file = dir.resolve(FILE);
            AtomicFiles.claim(file);
            out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(claim);
            throw e;
        }
        known.clear();
        known.addAll(state.jobs.keySet());
    }

    /**
     * Closes the journal, compacting it when no other process writes it. Appending later opens it again.
     */
    synchronized void close(boolean compact) {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the journal of session '{}' failed: {}", session, e.toString());
        }
        out = null;
        try {
            if (compact && Files.isDirectory(dir)) compactIfAlone();
            Files.deleteIfExists(dir.resolve("writers").resolve(writerId));
        } catch (IOException e) {
            LOG.warn("closing the journal of session '{}' failed: {}", session, e.toString());
        }
    }

    /** @return the state, when this process was the only writer and compacted; null otherwise */
    private JournalEvents.State compactIfAlone() throws IOException {
        if (!otherLiveWriters().isEmpty()) return null;
        Path lock = dir.resolve("compacting");
        if (!AtomicFiles.claim(lock)) {
            if (!isStale(lock)) return null;
            Files.deleteIfExists(lock);
            if (!AtomicFiles.claim(lock)) return null;
        }
        try {
            Files.write(lock, ME.toLines().getBytes(StandardCharsets.UTF_8));
            // a writer that claimed after our first look either sees the lock and waits, or is seen here
            if (!otherLiveWriters().isEmpty()) return null;
            Path file = dir.resolve(FILE);
            JournalEvents.State state = read(dir, session);
            Path copy = null;
            if (!state.damage.isEmpty()) {
                copy = dir.resolve("journal.damaged-" + System.currentTimeMillis() + ".log");
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            damage.report(session, file, state, true, copy);
            if (!state.jobs.isEmpty() || !state.pending.isEmpty()) AtomicFiles.writeDurably(file, state.snapshot());
            else Files.deleteIfExists(file); // nothing to keep: no journal rather than an empty one
            LegacyJobFiles.remove(dir);
            damage.forget(file);
            state.tornTail = false;
            state.empty = false;
            state.damage.clear();
            return state;
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    private void awaitCompaction() throws IOException {
        Path lock = dir.resolve("compacting");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.exists(lock)) {
            if (isStale(lock) || System.nanoTime() > deadline) {
                LOG.warn("removing the compaction lock of session '{}' left by a process that is gone", session);
                Files.deleteIfExists(lock);
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the journal of session '" + session + "' is compacted", e);
            }
        }
    }

    private List<Path> otherLiveWriters() throws IOException {
        List<Path> live = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("writers"))) {
            for (Path p : ds) {
                if (p.getFileName().toString().equals(writerId)) continue;
                if (isStale(p)) {
                    LOG.info("removing the journal claim {} of session '{}': its process is gone", p.getFileName(), session);
                    Files.deleteIfExists(p);
                } else {
                    live.add(p);
                }
            }
        } catch (IOException e) {
            if (!isMissing(e, dir.resolve("writers"))) throw e;
        }
        return live;
    }

    /**
     * @return true when the failure means the file is not there: {@link NoSuchFileException}, or
     *         the other words a remote file system (SFTP) uses for it
     */
    static boolean isMissing(IOException e, Path file) {
        return e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException || !Files.exists(file);
    }

    /** @return true for a claim made by a process of this host that no longer runs */
    private static boolean isStale(Path claim) {
        try {
            java.util.Optional<OwnerProcess> owner = OwnerProcess.parse(new String(Files.readAllBytes(claim), StandardCharsets.UTF_8));
            if (owner.isEmpty()) { // an older writer's claim being written, or its writer died right after claiming
                return Files.getLastModifiedTime(claim).toMillis() < System.currentTimeMillis() - 10_000;
            }
            return owner.get().isGone();
        } catch (IOException | RuntimeException e) {
            return false; // gone meanwhile, or unreadable: not provably stale
        }
    }
}
