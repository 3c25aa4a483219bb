// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports damage found in session journals, each damage once per process: a line that does not
 * parse, a torn last line (only when nobody can still be writing it: at compaction, or once a later
 * line follows it), and a journal that exists but is empty. Replays happen often (every change of
 * the file), in every store of the process; the same damage (the same journal file and offset) is
 * not reported again.
 */
final class JournalDamage {
    private static final Logger LOG = LoggerFactory.getLogger(JournalDamage.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private final Consumer<String> sink;

    /** Reports as warnings in the log. */
    JournalDamage() {
        this(LOG::warn);
    }

    /** @param sink receives each report */
    JournalDamage(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * @param session the session
     * @param file the journal, for the message
     * @param state what a replay found
     * @param settled true when no writer can still be at work on the last line (this process
     *        compacts alone); a torn last line is reported only then
     * @param copy where a copy of the damaged journal was kept, or null
     */
    void report(String session, Object file, JournalEvents.State state, boolean settled, Object copy) {
        List<String> parts = new ArrayList<>();
        for (JournalEvents.Damage d : state.damage) {
            if (d.tornTail() && !settled) continue;
            // a torn last line that a later write completed into an unreadable line is the same damage
            if (!REPORTED.add(file + "|" + d.offset())) continue;
            parts.add((d.tornTail() ? "a torn last record" : "an unreadable line") + " (line " + d.line() + ", " + d.length()
                    + " bytes at offset " + d.offset() + ": " + d.why() + ")");
        }
        if (state.empty && REPORTED.add(file + "|empty")) {
            parts.add("an empty journal (nothing recorded yet, or its content was lost in a system crash)");
        }
        if (parts.isEmpty()) return;
        sink.accept("the journal " + file + " of session '" + session + "' is damaged: " + String.join("; ", parts)
                + ". Every intact record is kept" + (copy != null ? "; the damaged journal was copied to " + copy : "") + ".");
    }

    /**
     * Forgets what was reported for a journal that was rewritten (compacted, so its damage is gone)
     * or removed.
     *
     * @param file the journal
     */
    void forget(Object file) {
        REPORTED.removeIf(k -> k.startsWith(file + "|"));
    }
}
