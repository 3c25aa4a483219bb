// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        try (FluxEventWatcher w = new FluxEventWatcher(FluxBackend.commands(runner), got::add, 0, Duration.ofSeconds(30))) {
            w.waitOnce("fT5CNSj");
        }
        assertEquals(List.of("job wait-event -v -f json -t 30s fT5CNSj clean"), runner.fluxCommands());
        assertEquals(1, got.size());
        assertEquals(JobState.FAILED, got.get(0).getJobState());
        assertEquals(3, got.get(0).getExitStatus());
        assertEquals(Duration.ofSeconds(60), runner.commands.get(0).timeout(), "the command outlives its -t");
    }

    /** A safety cap for the watcher's threads to act, far above the few milliseconds they need. */
    private static final long CAP_SECONDS = 30;

    @Test
    void threads_watchJobsUntilTheyEnd_timeoutsRequeue() throws Exception {
        String eventlog = FluxSamples.steps(T, "flux job info $'\\306\\222C6RdJf' eventlog").get(0).stdout();
        CountDownLatch timedOutTwice = new CountDownLatch(2);
        ScriptedRunner runner = new ScriptedRunner()
                .on("job wait-event -v -f json -t 1s fT5CNSj", c -> {
                    timedOutTwice.countDown();
                    return new ScriptedRunner.Answer(1, "", "flux-job: wait-event timeout on event 'clean'\n");
                })
                .on("job wait-event -v -f json -t 1s fC6RdJf", ScriptedRunner.Answer.ok(eventlog));
        BlockingQueue<JobInfo> got = new LinkedBlockingQueue<>();
        try (FluxEventWatcher w = new FluxEventWatcher(FluxBackend.commands(runner), got::add, 2, Duration.ofSeconds(1))) {
            assertTrue(w.enabled());
            w.watch("fC6RdJf");
            w.watch("fT5CNSj");
            w.watch("fT5CNSj");
            JobInfo end = got.poll(CAP_SECONDS, TimeUnit.SECONDS);
            assertEquals("fC6RdJf", end.getJobId());
            assertEquals("SIGTERM", end.getTerminatingSignal());
            assertTrue(timedOutTwice.await(CAP_SECONDS, TimeUnit.SECONDS), "a timed-out wait is repeated");
            assertEquals(Set.of("fT5CNSj"), w.watchedJobs());
            w.forget("fT5CNSj");
            assertFalse(w.watchedJobs().contains("fT5CNSj"));
        }
        assertTrue(got.isEmpty(), "one end, published once");
    }

    @Test
    void failedWait_isTriedAgainOnlyAfterThePauseOnTheClock() throws Exception {
        String eventlog = FluxSamples.steps(T, "flux job info $'\\306\\222C6RdJf' eventlog").get(0).stdout();
        AtomicInteger calls = new AtomicInteger();
        ScriptedRunner runner = new ScriptedRunner().on("job wait-event", c -> calls.incrementAndGet() == 1
                ? new ScriptedRunner.Answer(1, "", "flux-job: flux_open: Connection refused\n")
                : ScriptedRunner.Answer.ok(eventlog));
        SteppedClock clock = new SteppedClock();
        BlockingQueue<JobInfo> got = new LinkedBlockingQueue<>();
        try (FluxEventWatcher w = new FluxEventWatcher(FluxBackend.commands(runner), got::add, 1, Duration.ofSeconds(30), clock)) {
            w.watch("fC6RdJf");
            assertTrue(clock.awaitWait(CAP_SECONDS), "the watcher pauses after the failure");
            clock.step(FluxEventWatcher.RETRY_PAUSE.toNanos() / 2);
            assertTrue(clock.awaitWait(CAP_SECONDS), "half the pause: still waiting");
            assertEquals(1, calls.get(), "not tried again before the pause is over");
            clock.step(FluxEventWatcher.RETRY_PAUSE.toNanos() / 2);
            JobInfo end = got.poll(CAP_SECONDS, TimeUnit.SECONDS);
            assertEquals("fC6RdJf", end.getJobId());
            assertEquals(2, calls.get());
            assertTrue(w.watchedJobs().isEmpty());
        }
    }

    @Test
    void disabled_runsNothing() {
        ScriptedRunner runner = new ScriptedRunner();
        try (FluxEventWatcher w = new FluxEventWatcher(FluxBackend.commands(runner), i -> { }, 0, Duration.ofSeconds(1))) {
            w.watch("fC6RdJf");
            assertTrue(w.watchedJobs().isEmpty());
        }
        assertTrue(runner.commands.isEmpty());
    }
}
