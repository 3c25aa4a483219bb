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
        Map<String, Placement> m = GridEngineRunningJobs.parse(sample("qstat-s-rs.txt"));
        assertEquals(List.of("4", "6.1", "6.2", "6.3"), List.copyOf(m.keySet()));
        assertEquals(new Placement("all.q", "localhost", 1L), m.get("4"));
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
        assertTrue(argv.get(4).matches("\\d{12}"), argv.toString());
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
    void runningJobs_placedByOneQstat() {
        Runner r = new Runner(sample("qstat-s-rs.txt"));
        try (JobPlacements p = new JobPlacements(new GridEngineCompanion(r, "drmaa", Duration.ofSeconds(1)), i -> { })) {
            Map<String, JobInfo> infos = new java.util.HashMap<>(Map.of(
                    "4", JobInfo.builder().jobId("4").jobState(JobState.RUNNING).build(),
                    "6.2", JobInfo.builder().jobId("6.2").jobState(JobState.SUSPENDED).build(),
                    "9", JobInfo.builder().jobId("9").jobState(JobState.QUEUED).build()));
            p.placeRunning(infos);
            assertEquals(List.of(List.of("qstat", "-s", "rs", "-u", "drmaa")), r.commands);
            assertEquals(List.of("localhost"), infos.get("4").getAllocatedMachines());
            assertEquals("all.q", infos.get("6.2").getQueueName());
            assertFalse(infos.get("9").getQueueName() != null);
        }
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
