// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged journal (a torn last record, a garbage line, a zero-length file): the session opens with
 * every intact record, the damage is reported once, and no recorded job is lost.
 */
class JournalDamageTest {
    @TempDir
    Path tmp;
    private final List<String> reports = new CopyOnWriteArrayList<>();

    private SessionStore store() {
        SessionStore s = new SessionStore(tmp, new JournalDamage(reports::add));
        if (!s.exists("s")) s.create("s", null);
        return s;
    }

    private Path journal() {
        return tmp.resolve("sessions/s/journal.log");
    }

    private static JobRecord job(String id, JobState state) {
        return new JobRecord(id, "s", null, 1, JobTemplate.builder("/bin/true").jobName("n" + id).build(),
                JobInfo.builder().jobId(id).jobState(state).build(), Map.of());
    }

    private static List<String> ids(SessionStore s) {
        return s.loadJobs("s").stream().map(JobRecord::jobId).toList();
    }

    private void append(String text) throws Exception {
        Files.write(journal(), text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    private long copies() throws Exception {
        try (Stream<Path> l = Files.list(journal().getParent())) {
            return l.filter(p -> p.getFileName().toString().startsWith("journal.damaged-")).count();
        }
    }

    @Test
    void tornLastRecord_opensWithEveryIntactRecord_andIsReportedOnce() throws Exception {
        SessionStore writer = store();
        for (String id : List.of("1", "2", "3")) writer.saveJob(job(id, JobState.QUEUED));
        writer.close();
        append("{\"e\":\"job\",\"id\":\"4\",\"index\":1,\"info\":{\"jo"); // killed in the middle of its write

        SessionStore reader = store();
        assertEquals(List.of("1", "2", "3"), ids(reader));
        assertEquals(List.of(), reports, "a torn last line may be a write under way: not reported by a reader");
        reader.saveJob(job("2", JobState.DONE)); // opens the journal alone: compaction settles it
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("a torn last record (line 4"), reports.get(0));
        assertEquals(1, copies(), "the damaged journal is kept");
        reader.close();
        SessionStore again = store();
        assertEquals(List.of("1", "2", "3"), ids(again));
        assertEquals(JobState.DONE, again.loadJob("s", "2").orElseThrow().info().getJobState());
        again.saveJob(job("5", JobState.QUEUED));
        again.close();
        assertEquals(1, reports.size(), "reported once: " + reports);
        assertEquals(List.of("1", "2", "3", "5"), ids(store()));
    }

    @Test
    void garbageLine_betweenRecords_losesNoRecordedJob_andIsReportedOnce() throws Exception {
        SessionStore writer = store();
        writer.saveJob(job("1", JobState.QUEUED));
        writer.saveJob(job("2", JobState.RUNNING));
        append("\n\u0000\u0000garbage{{{ not json\n");
        writer.saveJob(job("3", JobState.QUEUED));
        writer.saveJob(job("1", JobState.DONE));

        SessionStore reader = store(); // another process, while the writer still writes: no compaction
        assertEquals(List.of("1", "2", "3"), ids(reader));
        assertEquals(JobState.DONE, reader.loadJob("s", "1").orElseThrow().info().getJobState());
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("an unreadable line"), reports.get(0));
        writer.saveJob(job("4", JobState.QUEUED)); // the file changes: replayed again, the same damage
        assertEquals(List.of("1", "2", "3", "4"), ids(reader));
        writer.close(); // alone now: compacts, the garbage goes, a copy stays
        assertEquals(1, reports.size(), "reported once: " + reports);
        assertEquals(1, copies());
        assertEquals(4, Files.readAllLines(journal()).size());
        assertEquals(List.of("1", "2", "3", "4"), ids(store()));
    }

    @Test
    void zeroLengthJournal_opensEmpty_isReportedOnce_andTheSessionWorks() throws Exception {
        store().close();
        Files.write(journal(), new byte[0]);
        SessionStore s = store();
        assertEquals(List.of(), ids(s));
        assertEquals(List.of(), ids(s));
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("an empty journal"), reports.get(0));
        s.saveJob(job("1", JobState.QUEUED));
        s.close();
        assertEquals(List.of("1"), ids(store()));
        assertEquals(1, reports.size(), reports.toString());
    }

    @Test
    void tornRecordOfAKilledWriter_doesNotSwallowTheNextEventOfAWriterStillRunning() throws Exception {
        SessionStore running = store();
        running.saveJob(job("1", JobState.QUEUED)); // its journal is open for appending
        append("{\"e\":\"job\",\"id\":\"9\",\"ind"); // another writer killed in the middle of a write
        running.saveJob(job("2", JobState.QUEUED));
        running.saveJob(job("1", JobState.DONE));
        SessionStore reader = store();
        assertEquals(List.of("1", "2"), ids(reader));
        assertEquals(JobState.DONE, reader.loadJob("s", "1").orElseThrow().info().getJobState());
        assertEquals(1, reports.size(), "the torn line is reported once a later line follows it: " + reports);
    }

    @Test
    void compaction_neverLeavesAnEmptyJournal() throws Exception {
        SessionStore s = store();
        s.saveJob(job("1", JobState.QUEUED));
        s.deleteJob("s", "1");
        s.close(); // nothing left to keep: no journal rather than an empty one
        assertTrue(!Files.exists(journal()));
        assertEquals(List.of(), reports);
        SessionStore t = store();
        t.saveJob(job("2", JobState.QUEUED));
        t.close();
        assertTrue(Files.size(journal()) > 0);
        assertEquals(List.of("2"), ids(store()));
    }
}
