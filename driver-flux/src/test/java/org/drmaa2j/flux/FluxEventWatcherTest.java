// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

class FluxEventWatcherTest {
    private static final List<FluxSamples.Step> T = FluxSamples.transcript("flux088_real_instance_transcript.txt");

    @Test
    void waitOnce_oneWaitEventCommand_publishesTheEnd() {
        String eventlog = FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' eventlog").get(0).stdout();
        ScriptedRunner runner = new ScriptedRunner().on("job wait-event", ScriptedRunner.Answer.ok(eventlog));
        List<JobInfo> got = new CopyOnWriteArrayList<>();
        try (FluxEventWatcher w = new FluxEventWatcher(runner, got::add, 0, Duration.ofSeconds(30))) {
            w.waitOnce("fT5CNSj");
        }
        assertEquals(List.of("job wait-event -v -f json -t 30s fT5CNSj clean"), runner.fluxCommands());
        assertEquals(1, got.size());
        assertEquals(JobState.FAILED, got.get(0).getJobState());
        assertEquals(3, got.get(0).getExitStatus());
        assertEquals(Duration.ofSeconds(60), runner.commands.get(0).timeout(), "the command outlives its -t");
    }

    @Test
    void threads_watchJobsUntilTheyEnd_timeoutsRequeue() throws Exception {
        String eventlog = FluxSamples.steps(T, "flux job info $'\\306\\222C6RdJf' eventlog").get(0).stdout();
        ScriptedRunner runner = new ScriptedRunner()
                .on("job wait-event -v -f json -t 1s fT5CNSj", new ScriptedRunner.Answer(1, "", "flux-job: wait-event timeout on event 'clean'\n"))
                .on("job wait-event -v -f json -t 1s fC6RdJf", ScriptedRunner.Answer.ok(eventlog));
        List<JobInfo> got = new CopyOnWriteArrayList<>();
        try (FluxEventWatcher w = new FluxEventWatcher(runner, got::add, 2, Duration.ofSeconds(1))) {
            assertTrue(w.enabled());
            w.watch("fC6RdJf");
            w.watch("fT5CNSj");
            w.watch("fT5CNSj");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals("fC6RdJf", got.get(0).getJobId());
            assertEquals("SIGTERM", got.get(0).getTerminatingSignal());
            while (runner.fluxCommands().stream().filter(c -> c.contains("fT5CNSj")).count() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(runner.fluxCommands().stream().filter(c -> c.contains("fT5CNSj")).count() >= 2, "a timed-out wait is repeated");
            assertEquals(java.util.Set.of("fT5CNSj"), w.watchedJobs());
            w.forget("fT5CNSj");
            assertFalse(w.watchedJobs().contains("fT5CNSj"));
        }
        assertEquals(1, got.size());
    }

    @Test
    void disabled_runsNothing() {
        ScriptedRunner runner = new ScriptedRunner();
        try (FluxEventWatcher w = new FluxEventWatcher(runner, i -> { }, 0, Duration.ofSeconds(1))) {
            w.watch("fC6RdJf");
            assertTrue(w.watchedJobs().isEmpty());
        }
        assertTrue(runner.commands.isEmpty());
    }
}
