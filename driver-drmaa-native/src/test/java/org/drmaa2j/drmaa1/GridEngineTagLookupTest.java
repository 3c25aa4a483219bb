// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.util.MonotonicClock;
import org.drmaa2j.tck.samples.SampleOutputs;
import org.junit.jupiter.api.Test;

/**
 * Looking submission tags up in Grid Engine when a job may be between its {@code qstat} row and
 * its accounting record: it ended just before the {@code qstat}, and Grid Engine writes the record
 * within its {@code flush_time}. The replies are recorded Grid Engine 8.1.9 outputs, served in an
 * order the real tools give only by timing; the clock is the test's, so nothing sleeps.
 */
class GridEngineTagLookupTest {
    private static final String ENDED = "0123456789ab.cdef01234567"; // job 1 in qacct-o-b-j-tagged.txt
    private static final String NEVER = "0123456789ab.000000000000";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String sample(String name) {
        return SampleOutputs.read(GridEngineTagLookupTest.class, "gridengine", name);
    }

    @Test
    void aTagInNeitherListIsLookedUpAgain_afterTheAccountingWait_andFoundInTheAccounting() {
        FakeClock clock = new FakeClock();
        // fake: the job left qstat and its record is not written yet; one wait later it is
        FakeGridEngineTools tools = new FakeGridEngineTools(clock, "", "", "", sample("qacct-o-b-j-tagged.txt"));
        GridEngineCompanion c = new GridEngineCompanion(tools, "drmaa", WAIT, clock);
        Map<String, String> found = c.jobNumbersByTag(Set.of(ENDED), Instant.parse("2026-12-06T10:00:00Z"));
        assertEquals(Map.of(ENDED, "1"), found, "the job is found, not dropped as never submitted");
        assertEquals(List.of("qstat", "qacct", "qstat", "qacct"), tools.programs);
        assertTrue(tools.times.get(2) - tools.times.get(0) >= WAIT.toNanos(),
                "the second lookup begins once the accounting can have been written: " + tools.times);
    }

    @Test
    void aTagInNeitherListTwice_isNotFound() {
        FakeClock clock = new FakeClock();
        FakeGridEngineTools tools = new FakeGridEngineTools(clock, sample("qstat-u-r-tagged.txt"),
                sample("qacct-o-b-j-tagged.txt"), sample("qstat-u-r-tagged.txt"), sample("qacct-o-b-j-tagged.txt"));
        GridEngineCompanion c = new GridEngineCompanion(tools, "drmaa", WAIT, clock);
        assertEquals(Map.of(), c.jobNumbersByTag(Set.of(NEVER), Instant.parse("2026-12-06T10:00:00Z")));
        assertEquals(List.of("qstat", "qacct", "qstat", "qacct"), tools.programs);
    }

    @Test
    void everyTagFound_noSecondLookup() {
        FakeClock clock = new FakeClock();
        FakeGridEngineTools tools = new FakeGridEngineTools(clock, sample("qstat-u-r-tagged.txt"), sample("qacct-o-b-j-tagged.txt"));
        GridEngineCompanion c = new GridEngineCompanion(tools, "drmaa", WAIT, clock);
        assertEquals(Map.of(ENDED, "1"), c.jobNumbersByTag(Set.of(ENDED), Instant.parse("2026-12-06T10:00:00Z")));
        assertEquals(List.of("qstat", "qacct"), tools.programs);
        assertEquals(0, clock.waited, "nothing waited");
    }

    /** Time that passes only when waited for. */
    private static final class FakeClock implements MonotonicClock {
        long now;
        long waited;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void timedWait(Object monitor, long nanos) {
            now += nanos;
            waited += nanos;
        }
    }

    /** Fake Grid Engine tools: answers the commands, in order, with the given outputs. */
    private static final class FakeGridEngineTools implements CommandRunner {
        final List<String> programs = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        private final FakeClock clock;
        private final Deque<String> replies;

        FakeGridEngineTools(FakeClock clock, String... replies) {
            this.clock = clock;
            this.replies = new ArrayDeque<>(List.of(replies));
        }

        @Override
        public CommandResult run(Command command) {
            programs.add(command.program());
            times.add(clock.now);
            clock.now += 1_000_000; // each command takes a millisecond
            return new CommandResult(command, 0, replies.removeFirst(), "", Duration.ZERO);
        }

        @Override
        public String describe() {
            return "fake Grid Engine tools";
        }
    }
}
