// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.drmaa2j.tck.hostile.ParserRobustnessProperties;

/**
 * Every LSF parser (bjobs -o -json, bjobs -o with a delimiter, the default bjobs table, bsub
 * messages) on truncated, garbled and unknown-state versions of the verbatim samples (see
 * {@link ParserFuzz}).
 */
class LsfParserRobustnessTest extends ParserRobustnessProperties {
    private static final List<String> AIIDA_COLUMNS = List.of("id", "stat", "exit_reason", "exec_host", "user", "slots", "max_req_proc",
            "exec_host", "queue", "finish_time", "start_time", "%complete", "submit_time", "name");

    private static List<JobInfo> infos(List<Map<String, String>> records) {
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, String> r : records) out.add(LsfJobRows.toJobInfo(r, LsfOutputParsingTest.TIMES));
        return out;
    }

    @Override
    protected List<Family> families() {
        return List.of(
                new Family("bjobs -o delimited", Samples.read("aiida_bjobs_noheader_o_delimiter_pipe.txt"),
                        t -> infos(BjobsOutput.fromDelimited(t, "", AIIDA_COLUMNS).records())),
                new Family("bjobs json psusp", Samples.read("buildtest_bjobs_o_json_psusp.txt"), t -> infos(BjobsOutput.fromJson(t, "").records())),
                new Family("bjobs json states", Samples.read("mkwind_bjobs_o_json_multi_states.txt"), t -> infos(BjobsOutput.fromJson(t, "").records())),
                new Family("bjobs -w", Samples.read("nextflow_bjobs_w.txt"), t -> infos(BjobsTable.rows(t))),
                new Family("bjobs noise", Samples.read("nextflow_bjobs_with_processing_noise.txt"), t -> infos(BjobsTable.rows(t))),
                new Family("bjobs default", Samples.read("pysqa_bjobs_default.txt"), t -> infos(BjobsTable.rows(t))),
                new Family("bsub", Samples.read("aiida_bsub_bkill_bjobs_messages.txt"), t -> {
                    LsfMessages.submittedJobId(t);
                    LsfMessages.notFound(t);
                    return List.of();
                }));
    }

    @Override
    protected Collection<String> stateWords() {
        return List.of("PEND", "PROV", "WAIT", "PSUSP", "RUN", "USUSP", "SSUSP", "DONE", "EXIT", "UNKWN", "ZOMBI");
    }
}
