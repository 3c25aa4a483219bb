// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.drmaa2j.tck.hostile.ParserRobustnessProperties;

/**
 * Every HTCondor parser on truncated, garbled and unknown-state versions of the outputs recorded
 * from the real pool (see {@link ParserFuzz} for the rule they keep). HTCondor prints JobStatus as
 * a number, so the number is the state word a terminal state must be said by; a JobStatus value
 * HTCondor does not have becomes UNDETERMINED.
 */
class CondorParserRobustnessTest extends ParserRobustnessProperties {
    @Override
    protected List<Family> families() {
        return List.of(
                new Family("condor_q -json", Samples.read("condor_q_json_suspended_held"), CondorParserRobustnessTest::jobs),
                new Family("condor_q -json, running", Samples.read("condor_q_json_running"), CondorParserRobustnessTest::jobs),
                new Family("condor_q -json, removing", Samples.read("condor_q_json_removing"), CondorParserRobustnessTest::jobs),
                new Family("condor_history -json", Samples.read("condor_history_json"), CondorParserRobustnessTest::jobs),
                new Family("condor_history -json, late array", Samples.read("condor_history_json_late"), CondorParserRobustnessTest::jobs),
                new Family("condor_submit -terse", Samples.read("condor_submit_terse_array"), t -> {
                    CondorSubmitOutput.parse(t);
                    return List.of();
                }),
                new Family("condor_history -json, tags", Samples.read("condor_history_json_tags"), t -> {
                    CondorTagLookup.collect(CondorJobAds.parse(t, "condor_history"), Set.of("0123456789ab.000000000001"), new HashMap<>());
                    return List.of();
                }),
                new Family("condor_status -json", Samples.read("condor_status_json"), t -> {
                    CondorMonitoring.machines(CondorJobAds.parse(t, "condor_status"));
                    return List.of();
                }),
                new Family("condor_q -factory -json", Samples.read("condor_q_factory_json_listed"), t -> {
                    for (JsonNode ad : CondorJobAds.parse(t, "condor_q")) CondorLateTasks.parse(CondorJobAds.text(ad, CondorLateTasks.HELD));
                    return List.of();
                }),
                new Family("condor_version", Samples.read("condor_version"), t -> {
                    CondorBackend.parseVersion(t);
                    return List.of();
                }));
    }

    static List<JobInfo> jobs(String text) {
        List<JobInfo> out = new ArrayList<>();
        for (JsonNode ad : CondorJobAds.parse(text, "condor_q")) {
            if (CondorJobAds.jobId(ad) != null) out.add(CondorJobAds.toJobInfo(ad));
        }
        return out;
    }

    @Override
    protected Collection<String> stateWords() {
        return CondorStates.NAMES.values();
    }

    @Override
    protected Map<String, String> abbreviations() {
        Map<String, String> m = new HashMap<>();
        CondorStates.NAMES.forEach((n, name) -> m.put(Integer.toString(n), name));
        return m;
    }

    /** A JobStatus value HTCondor does not have, in a recorded ad, is UNDETERMINED, never a crash. */
    @Property(tries = 200)
    void unknownJobStatus_isUndetermined(@ForAll @IntRange(min = -1000, max = 1000) int status) {
        if (CondorStates.NAMES.containsKey(status)) return;
        String text = Samples.read("condor_q_json_suspended_held").replaceAll("\"JobStatus\": \\d+", "\"JobStatus\": " + status);
        List<JobInfo> infos = jobs(text);
        assertFalse(infos.isEmpty());
        for (JobInfo i : infos) {
            ParserFuzz.checkStates(text, CondorParserRobustnessTest::jobs, abbreviations());
            assertEquals(JobState.UNDETERMINED, i.getJobState(), () -> "JobStatus " + status + " gave " + i);
        }
    }
}
