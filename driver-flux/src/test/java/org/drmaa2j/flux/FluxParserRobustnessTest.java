// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.drmaa2j.tck.hostile.ParserRobustnessProperties;

/**
 * Every Flux parser (flux jobs --json, the fallback row format, eventlogs, submission output) on
 * truncated, garbled and unknown-state versions of the verbatim samples (see {@link ParserFuzz}).
 */
class FluxParserRobustnessTest extends ParserRobustnessProperties {
    private static final List<FluxSamples.Step> T = FluxSamples.transcript("flux088_real_instance_transcript.txt");
    private static final String ROWS = "fT5CNSj|INACTIVE|FAILED|16|768|3|||1795298746.7290318|1795298746.7585924|1795298746.7913747|1795298746.7948883|1|ef100d42c718|batch|root|a|b job\n"
            + "fC6RdJf|SCHED||0|0|||||1795298746.7290318|||||batch|root|held\n";

    /** A garbled result column (found by seed 3600143635852132249): the state word the row holds, not none. */
    @Example
    void inactiveRowWithGarbledResultKeepsTheWordItHolds() {
        String row = ROWS.lines().findFirst().orElseThrow().replace("|INACTIVE|FAILED|", "|INACTIVE||AILED|");
        ParserFuzz.checkStates(row, t -> FluxStatusQuery.parseRows(t).values(), abbreviations());
        JobInfo job = FluxStatusQuery.parseRows(row).values().iterator().next();
        assertEquals(JobState.FAILED, job.getJobState());
        assertEquals("INACTIVE", job.getJobSubState());
    }

    @Override
    protected List<Family> families() {
        List<FluxSamples.Step> json = FluxSamples.steps(T, "flux jobs -a --json");
        return List.of(
                new Family("flux jobs --json held", json.get(0).stdout(), t -> FluxStatusQuery.parse(t).values()),
                new Family("flux jobs --json ended", json.get(2).stdout(), t -> FluxStatusQuery.parse(t).values()),
                new Family("flux jobs rows", ROWS, t -> FluxStatusQuery.parseRows(t).values()),
                new Family("eventlog json", FluxSamples.steps(T, "flux job info $'\\306\\222T5CNSj' eventlog").get(0).stdout(), t -> {
                    FluxEventlog.parse(t);
                    return List.of();
                }),
                new Family("eventlog text", FluxSamples.steps(T, "flux job eventlog $'\\306\\222T5CNSj'").get(0).stdout(), t -> {
                    FluxEventlog.parse(t);
                    return List.of();
                }),
                new Family("flux submit", FluxSamples.steps(T, "flux submit --cc=1-3").get(0).stdout(), t -> {
                    FluxIds.submitted(t);
                    return List.of();
                }));
    }

    @Override
    protected Collection<String> stateWords() {
        return List.of("NEW", "DEPEND", "PRIORITY", "SCHED", "RUN", "CLEANUP", "INACTIVE", "COMPLETED", "FAILED", "CANCELED", "TIMEOUT");
    }

    @Override
    protected Map<String, String> abbreviations() {
        Map<String, String> m = new HashMap<>(FluxStates.ABBREVIATIONS);
        FluxStates.RESULT_NUMBERS.forEach((n, w) -> m.put(String.valueOf(n), w));
        return m;
    }
}
