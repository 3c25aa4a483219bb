// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.cli.CliContext;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.Test;

/**
 * How an ended job is reported, on real flux-core 0.88.0 outputs: the eventlog that
 * {@code flux job wait-event -v} prints carries no queue, nodes, cores or owner, so the driver asks
 * the job list about every job that ended in a round with one command.
 */
class FluxEndsTest {
    private static final String SAMPLE = FluxSamples.read("flux088_real_jobs_json_eventlog_hold.txt");

    /** @return the output of the traced command that follows the line {@code + COMMAND} */
    static String output(String sample, String command) {
        int at = sample.indexOf("\n+ " + command + "\n");
        if (at < 0) throw new IllegalArgumentException("no command " + command);
        StringBuilder out = new StringBuilder();
        for (String line : sample.substring(at + command.length() + 4).split("\n")) {
            if (line.startsWith("+ ") || line.startsWith("++ ") || line.startsWith("###")) break;
            if (line.startsWith("flux-jobs: WARNING")) continue; // stderr, interleaved in the trace
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Test
    void eventlogAlone_lacksQueueNodesCoresAndOwner() {
        JobInfo fromEvents = FluxEventlog.parse(output(SAMPLE, "flux job wait-event -v -f json -t 60s f3aMWebq clean")).toJobInfo("f3aMWebq");
        assertEquals(JobState.FAILED, fromEvents.getJobState());
        assertEquals(3, fromEvents.getExitStatus());
        assertNull(fromEvents.getQueueName());
        assertTrue(fromEvents.getAllocatedMachines().isEmpty());
        assertNull(fromEvents.getSlots());
        assertNull(fromEvents.getJobOwner());
    }

    @Test
    void endsOfARound_areCompletedWithOneJobListCommand() {
        String listed = output(SAMPLE, "flux jobs -a --json f3aMWebq");
        ScriptedRunner runner = new ScriptedRunner().on("jobs -a --json", ScriptedRunner.Answer.ok(listed));
        FluxStatusQuery query = new FluxStatusQuery(FluxBackend.commands(runner));
        List<JobInfo> finished = new ArrayList<>();
        FluxEndBatcher batcher = new FluxEndBatcher(query::query, (events, list) -> finished.add(list == null ? events : FluxBackend.merge(events, list)));
        JobInfo fromEvents = FluxEventlog.parse(output(SAMPLE, "flux job wait-event -v -f json -t 60s f3aMWebq clean")).toJobInfo("f3aMWebq");
        JobInfo other = JobInfo.builder().jobId("f3tXbqy1").jobState(JobState.FAILED).build();
        batcher.round(List.of(fromEvents, other));
        assertEquals(List.of("jobs -a --json f3aMWebq f3tXbqy1"), runner.fluxCommands(), "one command for the round");
        JobInfo i = finished.get(0);
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals(3, i.getExitStatus());
        assertEquals("batch", i.getQueueName());
        assertEquals(List.of("fluxnode"), i.getAllocatedMachines());
        assertEquals(1L, i.getSlots());
        assertEquals("drmaa", i.getJobOwner());
        assertEquals("san1", i.getJobName());
        assertEquals(fromEvents.getFinishTime(), i.getFinishTime(), "the end itself stays the eventlog's");
        assertEquals(2, finished.size(), "a job the list does not show still ends");
        batcher.close();
    }

    @Test
    void backend_publishesTheCompletedEnd() throws Exception {
        String listed = output(SAMPLE, "flux jobs -a --json f3aMWebq");
        String events = output(SAMPLE, "flux job wait-event -v -f json -t 60s f3aMWebq clean");
        ScriptedRunner runner = new ScriptedRunner()
                .on("jobs -a --json", ScriptedRunner.Answer.ok(listed))
                .on("job wait-event", ScriptedRunner.Answer.ok(events));
        RecordingSink sink = new RecordingSink();
        try (FluxBackend backend = new FluxBackend(new CliContext(new BackendContext(null, sink, null, new DriverSettings("flux", Map.of())), runner,
                ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()), Map.of()), 1, Duration.ofSeconds(5))) {
            backend.adopt(List.of(new org.drmaa2j.spi.store.JobRecord("f3aMWebq", "s", null, 1,
                    org.drmaa2j.JobTemplate.builder("/bin/true").build(), JobInfo.builder().jobId("f3aMWebq").jobState(JobState.RUNNING).build(), Map.of())));
            JobInfo published = sink.awaitTerminal("f3aMWebq", Duration.ofSeconds(30));
            assertEquals("batch", published.getQueueName());
            assertEquals(List.of("fluxnode"), published.getAllocatedMachines());
            assertEquals("drmaa", published.getJobOwner());
            assertEquals(3, published.getExitStatus());
        }
    }
    /**
     * SIGKILL on real flux-core 0.88.0: Flux itself says exit status 137 and no signal (the probe
     * without the driver's script); with the driver's script the job also carries the memo
     * {@code drmaa2j.signal=9}, in the eventlog and as the user annotation, and both readers turn
     * that into FAILED with signal 9 and no exit status.
     */
    @Test
    void sigkill_isASignalThroughTheScriptsMemo_onRealFlux088() {
        String probe = FluxSamples.read("flux088_real_probes_signal_addfile_cc_dash.txt");
        JobInfo bare = FluxEventlog.parse(output(probe, "flux job wait-event -v -f json -t 60s f3BJQiLV5 clean")).toJobInfo("f3BJQiLV5");
        assertEquals(137, bare.getExitStatus(), "Flux's own words");
        assertNull(bare.getTerminatingSignal());

        String memo = FluxSamples.read("flux088_real_signal_memo.txt");
        FluxJobRequest r = FluxJobRequest.of(org.drmaa2j.JobTemplate.builder("/bin/sh").args("-c", "kill -s KILL $$").build(),
                ScriptRenderer.forDriver("flux", FluxProvider.TEMPLATE, FluxProvider.class, Map.of()), "/home/drmaa", false);
        String captured = memo.substring(memo.indexOf("DRMAA2J_STATUS=$?"), memo.indexOf("+ flux job wait-event"));
        assertTrue(r.script().replaceAll("(?m)^#.*\n", "").contains(captured), "the sample ran today's script:\n" + captured);
        JobInfo events = FluxEventlog.parse(output(memo, "flux job wait-event -v -f json -t 60s fFAknJ6fR clean")).toJobInfo("fFAknJ6fR");
        JobInfo listed = FluxStatusQuery.parse(output(memo, "flux jobs -a --json fFAknJ6fR")).get("fFAknJ6fR");
        for (JobInfo i : List.of(events, listed)) {
            assertEquals(JobState.FAILED, i.getJobState(), i.toString());
            assertNull(i.getExitStatus(), i.toString());
            assertEquals("SIGKILL", i.getTerminatingSignal(), i.toString());
        }
    }
}
