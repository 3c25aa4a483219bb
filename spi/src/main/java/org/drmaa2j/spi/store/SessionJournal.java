// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
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
 * <p>Compaction rewrites the journal as the state it describes (atomically: a temporary file, then
 * a rename). It happens when the journal is opened and closed, and only when no other live process
 * has the journal open: each process that writes holds a claim file in {@code writers/}, and
 * compaction holds the claim {@code compacting}. A claim left by a killed process on this host is
 * recognised (its process id is gone) and removed; one left by a process on another host keeps
 * compaction off, which costs space, never events. Only {@link Files} operations are used, so the
 * journal works on any {@link java.nio.file.FileSystem}, a remote one included.
 */
final class SessionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(SessionJournal.class);
    /** The journal's file name in the session directory. */
    static final String FILE = "journal.log";
    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();

    private final Path dir;
    private final String session;
    private final String writerId = HOST.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + PID + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    private final Set<String> known = new HashSet<>();
    private OutputStream out;
    private boolean needsLineBreak;

    SessionJournal(Path sessionDirectory, String session) {
        this.dir = sessionDirectory;
        this.session = session;
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
        StringBuilder sb = new StringBuilder();
        if (needsLineBreak) sb.append('\n');
        for (ObjectNode e : events) {
            sb.append(Json.MAPPER.writeValueAsString(e)).append('\n');
            String id = Json.str(e, "id");
            if (id == null) continue;
            if ("reaped".equals(Json.str(e, "e"))) known.remove(id);
            else known.add(id);
        }
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            needsLineBreak = false;
        } catch (IOException e) {
            needsLineBreak = true; // part of a line may have been written: the next event starts afresh
            throw e;
        }
    }

    /** @return true while the journal is open for appending */
    synchronized boolean isOpen() {
        return out != null;
    }

    private void open() throws IOException {
        Path writers = dir.resolve("writers");
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "the session was destroyed");
        AtomicFiles.privateDirectories(writers);
        Path claim = writers.resolve(writerId);
        AtomicFiles.claim(claim);
        Files.write(claim, (HOST + "\n" + PID + "\n").getBytes(StandardCharsets.UTF_8));
        JournalEvents.State state = compactIfAlone();
        if (state == null) {
            awaitCompaction();
            state = read(dir, session);
        }
        known.clear();
        known.addAll(state.jobs.keySet());
        Path file = dir.resolve(FILE);
        AtomicFiles.claim(file);
        out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        needsLineBreak = state.tornTail;
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
            Files.write(lock, (HOST + "\n" + PID + "\n").getBytes(StandardCharsets.UTF_8));
            // a writer that claimed after our first look either sees the lock and waits, or is seen here
            if (!otherLiveWriters().isEmpty()) return null;
            JournalEvents.State state = read(dir, session);
            AtomicFiles.write(dir.resolve(FILE), state.snapshot());
            LegacyJobFiles.remove(dir);
            state.tornTail = false;
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
            String[] lines = new String(Files.readAllBytes(claim), StandardCharsets.UTF_8).split("\n");
            if (lines.length < 2) { // being written, or its writer died right after claiming
                return Files.getLastModifiedTime(claim).toMillis() < System.currentTimeMillis() - 10_000;
            }
            if (!lines[0].equals(HOST)) return false;
            long pid = Long.parseLong(lines[1].trim());
            return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (IOException | RuntimeException e) {
            return false; // gone meanwhile, or unreadable: not provably stale
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
