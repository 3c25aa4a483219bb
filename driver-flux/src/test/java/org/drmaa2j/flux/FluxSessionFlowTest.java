// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole driver behind the generic session layer, with Flux's answers from the real transcript:
 * a wait ends because the job's {@code flux job wait-event … clean} returned, not because a poll saw it.
 */
class FluxSessionFlowTest {
    private static final List<FluxSamples.Step> T = FluxSamples.transcript("flux088_real_instance_transcript.txt");

    @Test
    void waitTerminated_isWokenByTheEventWatcher(@TempDir Path state) throws Exception {
        CountDownLatch jobEnds = new CountDownLatch(1);
        String eventlog = FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' eventlog").get(0).stdout();
        String running = "{\"id\": 17112760320, \"state\": \"RUN\", \"urgency\": 16, \"name\": \"sh\", \"ntasks\": 1, \"ncores\": 1,"
                + " \"nodelist\": \"ef100d42c718\", \"t_submit\": 1795298746.7290318, \"t_run\": 1795298746.7585924}";
        ScriptedRunner runner = new ScriptedRunner()
                .on("printenv HOME", ScriptedRunner.Answer.ok("/home/u\n"))
                .on("env -0", ScriptedRunner.Answer.ok("PATH=/usr/bin:/bin\0"))
                .on("job submit", ScriptedRunner.Answer.ok(FluxSamples.steps(T, "flux submit sh -c exit").get(0).stdout()))
                .on("jobs -a --json", ScriptedRunner.Answer.ok(running))
                .on("job wait-event", c -> {
                    try {
                        jobEnds.await(10, TimeUnit.SECONDS); // the job runs until the test lets it end
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ScriptedRunner.Answer.ok(eventlog);
                });
        Map<String, String> props = Map.of("drmaa2j.stateDir", state.toString(), "drmaa2j.poll.fastMillis", "60000",
                "drmaa2j.poll.slowMillis", "60000");
        try (SessionManager sm = new GenericSessionManager("flux", props, ctx -> new FluxBackend(new CliContext(ctx, runner,
                ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()), Map.of()), 2, Duration.ofSeconds(30)));
             JobSession s = sm.createJobSession("flow", null)) {
            Job job = s.runJob(JobTemplate.builder("/bin/sh").args("-c", "exit 3").build());
            assertEquals("fT5CNSj", job.getJobId());
            jobEnds.countDown();
            job.waitTerminated(Duration.ofSeconds(20)); // a safety cap: with polls a minute apart only the watcher can end it
            JobInfo i = job.getJobInfo();
            assertEquals(JobState.FAILED, i.getJobState());
            assertEquals(3, i.getExitStatus());
            assertEquals(FluxJobRecords.epoch(1795298746.7913747), i.getFinishTime());
            assertEquals(1, runner.fluxCommands().stream().filter(c -> c.startsWith("job wait-event")).count(),
                    "one wait-event command for the job");
            assertTrue(runner.fluxCommands().stream().filter(c -> c.startsWith("jobs ")).count() <= 2,
                    "no polling loop while waiting: " + runner.fluxCommands());
        }
    }
}
