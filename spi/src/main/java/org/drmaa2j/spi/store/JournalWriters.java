// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.drmaa2j.InternalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journals one store writes, one per session, and the order of writes against closing and
 * destroying a session. Every write, close and destroy of a session runs under that session's lock,
 * so each write happens entirely before or entirely after them:
 * <ul>
 *   <li><b>closing</b> a live session compacts its journal (when no other process writes it); a
 *       later write, such as the end of a job that was still running, opens the journal again:
 *       nothing written to a live session is lost;</li>
 *   <li><b>destroying</b> a session: from the moment the destroy starts, its writes are dropped on
 *       purpose (the late end of a job whose session is going away), counted ({@link #dropped()})
 *       and logged at debug level; a write that comes too late to see the destroy finds the
 *       directory gone and is dropped the same way, never re-creating it. A session destroyed by
 *       another process looks alike: its directory vanishes.</li>
 * </ul>
 * Creating or opening the name again ends the dropping; a late write of the destroyed session's jobs
 * after that would land in the new one, which is why destroying first has the jobs forgotten by
 * everything that could still report them.
 */
final class JournalWriters {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriters.class);
    private final Function<String, Path> directories;
    private final JournalDamage damage;
    private final Map<String, SessionJournal> journals = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();

    JournalWriters(Function<String, Path> directories, JournalDamage damage) {
        this.directories = directories;
        this.damage = damage;
    }

    private Object lock(String session) {
        return locks.computeIfAbsent(session, k -> new Object());
    }

    /**
     * Appends events to a session's journal.
     *
     * @param session the session
     * @param events makes the events (it may ask the journal what it knows)
     * @param what what is written, for messages
     * @return false when the session is destroyed or does not exist (nothing was written)
     * @throws InternalException naming the session, the file and the file system's words when a
     *         live session's journal cannot be written (a full disk, for example)
     */
    boolean write(String session, Function<SessionJournal, List<ObjectNode>> events, String what) {
        synchronized (lock(session)) {
            if (destroyed.contains(session)) return drop(session, what, "it is being destroyed");
            Path dir = directories.apply(session);
            if (!Files.isDirectory(dir)) return drop(session, what, "it does not exist");
            SessionJournal j = journals.computeIfAbsent(session, k -> new SessionJournal(dir, k, damage));
            try {
                j.append(events.apply(j));
                return true;
            } catch (IOException e) {
                if (!Files.isRegularFile(dir.resolve("session.json"))) {
                    journals.remove(session);
                    j.close(false);
                    return drop(session, what, "it was destroyed meanwhile");
                }
                throw new InternalException("cannot write " + what + " to the journal of session '" + session + "' ("
                        + dir.resolve(SessionJournal.FILE) + "): " + words(e), e);
            }
        }
    }

    private boolean drop(String session, String what, String why) {
        dropped.incrementAndGet();
        LOG.debug("not writing {} to session '{}': {}", what, session, why);
        return false;
    }

    /** @return the file system's words for a failure, e.g. {@code No space left on device} */
    static String words(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * Closes the session's journal in this process, compacting it when no other process writes it.
     *
     * @param session the session
     */
    void close(String session) {
        synchronized (lock(session)) {
            SessionJournal j = journals.remove(session);
            if (j != null) j.close(true);
        }
    }

    /** Closes every journal. */
    void closeAll() {
        for (String name : new ArrayList<>(journals.keySet())) close(name);
    }

    /**
     * Destroys a session: from now on its writes are dropped; its journal is closed without
     * compaction; then {@code remove} takes the directory away.
     *
     * @param session the session
     * @param remove removes the directory; when it throws, the session lives on and its writes with it
     */
    void destroy(String session, Runnable remove) {
        synchronized (lock(session)) {
            destroyed.add(session);
            SessionJournal j = journals.remove(session);
            if (j != null) j.close(false);
            try {
                remove.run();
            } catch (RuntimeException e) {
                destroyed.remove(session);
                throw e;
            }
            damage.forget(directories.apply(session).resolve(SessionJournal.FILE));
        }
    }

    /**
     * A session of this name was created or opened: its writes are no longer dropped.
     *
     * @param session the session
     */
    void revive(String session) {
        synchronized (lock(session)) {
            destroyed.remove(session);
        }
    }

    /** @return how many writes were dropped because their session was destroyed or missing */
    long dropped() {
        return dropped.get();
    }
}
