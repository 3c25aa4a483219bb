// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.drmaa2j.tck.hostile.ParserRobustnessProperties;
import org.drmaa2j.tck.samples.SampleOutputs;

/**
 * The Grid Engine companion's parsers ({@code qstat -u}, {@code qstat -s rs}, {@code qacct -j}) on
 * truncated, garbled and unknown-state versions of the verbatim samples (see {@link ParserFuzz}).
 */
class GridEngineParserRobustnessTest extends ParserRobustnessProperties {
    private static String sample(String name) {
        return SampleOutputs.read(GridEngineParserRobustnessTest.class, "gridengine", name);
    }

    private static List<JobInfo> jobs(String text) {
        List<JobInfo> out = new ArrayList<>();
        GridEngineJobList.parse(text).forEach((id, row) -> {
            Integer ps = GridEngineJobList.drmaaState(row.state());
            JobInfo info = JobInfo.builder().jobId(id).jobState(ps == null ? org.drmaa2j.JobState.UNDETERMINED : DrmaaStates.map(ps)).build();
            out.add(row.placement() == null ? info : row.placement().applyTo(info));
        });
        return out;
    }

    private static List<JobInfo> placements(String text) {
        List<JobInfo> out = new ArrayList<>();
        for (Map.Entry<String, Placement> e : GridEngineAccounting.parse(text).entrySet()) {
            out.add(e.getValue().applyTo(JobInfo.builder().jobId(e.getKey()).build()));
        }
        return out;
    }

    @Override
    protected List<Family> families() {
        return List.of(
                new Family("qstat -u", sample("qstat-u.txt"), GridEngineParserRobustnessTest::jobs),
                new Family("qstat -s rs", sample("qstat-s-rs.txt"), GridEngineParserRobustnessTest::jobs),
                new Family("qacct -j", sample("qacct-j.txt"), GridEngineParserRobustnessTest::placements),
                new Family("qacct -j array", sample("qacct-j-array.txt"), GridEngineParserRobustnessTest::placements));
    }

    @Override
    protected Collection<String> stateWords() {
        return List.of("qw", "hqw", "hRwq", "r", "t", "Rr", "s", "ts", "S", "T", "Eqw", "dr", "dt", "hr");
    }
}
