// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.tck.samples.SampleOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridEngineCompanionTest {
    private static String sample(String name) {
        return SampleOutputs.read(GridEngineCompanionTest.class, "gridengine", name);
    }

    @Test
    void qacct_singleJob() {
        Map<String, Placement> m = GridEngineAccounting.parse(sample("qacct-j.txt"));
        assertEquals(Map.of("1", new Placement("all.q", "localhost", 1L)), m);
    }

    @Test
    void qacct_arrayTasksByTaskId() {
        Map<String, Placement> m = GridEngineAccounting.parse(sample("qacct-j-array.txt"));
        assertEquals(List.of("3.1", "3.2"), List.copyOf(m.keySet()));
        assertEquals(new Placement("all.q", "localhost", 1L), m.get("3.2"));
    }

    @Test
    void qacct_errorTextGivesNothing() {
        assertTrue(GridEngineAccounting.parse("error: job id 999 not found\n").isEmpty());
    }

    @Test
    void qstat_runningJobsAndTasks() {
        Map<String, GridEngineJobList.Row> m = GridEngineJobList.parse(sample("qstat-s-rs.txt"));
        assertEquals(List.of("4", "6.1", "6.2", "6.3"), List.copyOf(m.keySet()));
        assertEquals(new GridEngineJobList.Row("r", new Placement("all.q", "localhost", 1L)), m.get("4"));
    }

    @Test
    void qstat_everyStateAndPendingRanges() {
        Map<String, GridEngineJobList.Row> m = GridEngineJobList.parse(sample("qstat-u.txt"));
        assertEquals(List.of("604", "607.1", "607.2", "605", "606", "608.1", "608.2", "608.3"), List.copyOf(m.keySet()));
        assertEquals("s", m.get("604").state());
        assertEquals("all.q", m.get("607.2").placement().queue());
        assertNull(m.get("606").placement());
        assertEquals("hqw", m.get("608.3").state());
        assertEquals(DrmaaConstants.PS_USER_SUSPENDED, GridEngineJobList.drmaaState("s"));
        assertEquals(DrmaaConstants.PS_RUNNING, GridEngineJobList.drmaaState("r"));
        assertEquals(DrmaaConstants.PS_RUNNING, GridEngineJobList.drmaaState("t"));
        assertEquals(DrmaaConstants.PS_USER_ON_HOLD, GridEngineJobList.drmaaState("hqw"));
        assertEquals(DrmaaConstants.PS_QUEUED_ACTIVE, GridEngineJobList.drmaaState("qw"));
        assertEquals(DrmaaConstants.PS_SYSTEM_SUSPENDED, GridEngineJobList.drmaaState("S"));
        assertNull(GridEngineJobList.drmaaState("Eqw"), "error states are asked of the library");
        assertNull(GridEngineJobList.drmaaState("dr"), "deleting jobs are asked of the library");
    }

    @Test
    void qstat_taskRanges() {
        assertEquals(List.of(1L, 3L, 5L, 8L), java.util.Arrays.stream(GridEngineJobList.tasks("1-5:2,8")).boxed().toList());
        assertTrue(GridEngineJobList.parse("      9 0.5 x drmaa qw 11/22/2026 00:59:16 1 a-b:1\n").isEmpty(), "a row not understood is left out");
    }

    @Test
    void configure_autoNeedsGridEngineAndItsTools(@TempDir Path bin) throws Exception {
        DriverSettings auto = new DriverSettings("drmaa-native", Map.of());
        assertTrue(GridEngineCompanion.configure(auto, "SGE 8.1.9", bin.toString()).isEmpty(), "no tools on the path");
        for (String p : List.of("qstat", "qacct")) {
            Path f = Files.writeString(bin.resolve(p), "#!/bin/sh\n");
            f.toFile().setExecutable(true);
        }
        assertTrue(GridEngineCompanion.configure(auto, "SGE 8.1.9", bin.toString()).isPresent());
        assertTrue(GridEngineCompanion.configure(auto, "SLURM 22.05", bin.toString()).isEmpty(), "not a Grid Engine");
        DriverSettings none = new DriverSettings("drmaa-native", Map.of(GridEngineCompanion.COMPANION_PROPERTY, "none"));
        assertTrue(GridEngineCompanion.configure(none, "SGE 8.1.9", bin.toString()).isEmpty());
        DriverSettings bad = new DriverSettings("drmaa-native", Map.of(GridEngineCompanion.COMPANION_PROPERTY, "pbs"));
        InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                () -> GridEngineCompanion.configure(bad, "SGE 8.1.9", bin.toString()));
        assertTrue(e.getMessage().contains(GridEngineCompanion.COMPANION_PROPERTY), e.getMessage());
    }

    @Test
    void accounting_oneJobNumberAsksForIt_severalAskForTheUsersJobsSinceTheEarliestStart() {
        Runner r = new Runner(sample("qacct-j-array.txt"));
        GridEngineCompanion c = new GridEngineCompanion(r, "drmaa", Duration.ofSeconds(1));
        assertEquals(2, c.accounting(List.of("3.1", "3.2"), Instant.now()).size());
        assertEquals(List.of("qacct", "-j", "3"), r.commands.get(0));
        c.accounting(List.of("3.1", "4"), Instant.now());
        List<String> argv = r.commands.get(1);
        assertEquals(List.of("qacct", "-o", "drmaa", "-b"), argv.subList(0, 4));
        assertTrue(argv.get(4).matches("\\d{12}\\.\\d{2}"), argv.toString());
        assertEquals("-j", argv.get(5));
    }

    @Test
    void endedJob_publishedOnceTheAccountingNamesItsHost() throws Exception {
        Runner r = new Runner("error: job id 1 not found\n");
        LinkedBlockingQueue<JobInfo> published = new LinkedBlockingQueue<>();
        try (JobPlacements p = new JobPlacements(new GridEngineCompanion(r, "drmaa", Duration.ofSeconds(30)), published::add)) {
            JobInfo ended = JobInfo.builder().jobId("1").jobState(JobState.DONE).dispatchTime(Instant.now()).build();
            assertNull(p.ended(ended), "not final before the accounting knows it");
            assertNull(published.poll(600, TimeUnit.MILLISECONDS));
            r.reply = sample("qacct-j.txt");
            JobInfo fin = published.poll(5, TimeUnit.SECONDS);
            assertEquals(List.of("localhost"), fin.getAllocatedMachines());
            assertEquals("all.q", fin.getQueueName());
            assertEquals(fin, p.ended(ended));
        }
    }

    @Test
    void endedJob_thatNeverStarted_isFinalAtOnce() {
        Runner r = new Runner("");
        List<JobInfo> published = new CopyOnWriteArrayList<>();
        try (JobPlacements p = new JobPlacements(new GridEngineCompanion(r, "drmaa", Duration.ofSeconds(30)), published::add)) {
            JobInfo ended = JobInfo.builder().jobId("5").jobState(JobState.FAILED).build();
            assertEquals(ended, p.ended(ended));
            assertEquals(List.of(ended), published);
            assertTrue(r.commands.isEmpty());
        }
    }

    @Test
    void endedJob_withoutRecordInTime_isAnnotated() throws Exception {
        Runner r = new Runner("");
        LinkedBlockingQueue<JobInfo> published = new LinkedBlockingQueue<>();
        try (JobPlacements p = new JobPlacements(new GridEngineCompanion(r, "drmaa", Duration.ofMillis(300)), published::add)) {
            p.ended(JobInfo.builder().jobId("2").jobState(JobState.DONE).dispatchTime(Instant.now()).build());
            JobInfo fin = published.poll(5, TimeUnit.SECONDS);
            assertTrue(fin.getAllocatedMachines().isEmpty());
            assertTrue(fin.getAnnotation().contains("accounting"), fin.getAnnotation());
        }
    }

    @Test
    void jobs_oneQstatForAllLiveJobs() {
        Runner r = new Runner(sample("qstat-u.txt"));
        GridEngineCompanion c = new GridEngineCompanion(r, "drmaa", Duration.ofSeconds(1));
        assertEquals(8, c.jobs().size());
        assertEquals(List.of(List.of("qstat", "-u", "drmaa")), r.commands);
        r.reply = "error: failed receiving gdi request";
        assertNull(c.jobs(), "a failed qstat gives null: the library is asked instead");
    }

    /** Answers every command with the same output, exit 0 unless it starts with "error:". */
    private static final class Runner implements CommandRunner {
        final List<List<String>> commands = new CopyOnWriteArrayList<>();
        volatile String reply;

        Runner(String reply) {
            this.reply = reply;
        }

        @Override
        public CommandResult run(Command command) {
            commands.add(command.argv());
            String out = reply;
            boolean error = out.startsWith("error:");
            return new CommandResult(command, error ? 1 : 0, error ? "" : out, error ? out : "", Duration.ZERO);
        }

        @Override
        public String describe() {
            return "test";
        }
    }
}
