// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.tck.samples.SampleOutputs;
import org.junit.jupiter.api.Test;

/**
 * Tags in Grid Engine job names, read back from real Grid Engine 8.1.9 outputs: {@code qstat -u
 * USER -r} (the full job name of queued, held and running jobs) and {@code qacct -o USER -b T -j}
 * (the job name in the accounting record of ended jobs and tasks).
 */
class GridEngineTagsTest {
    private static String sample(String name) {
        return SampleOutputs.read(GridEngineTagsTest.class, "gridengine", name);
    }

    @Test
    void jobName_carriesTheTag_afterTheTemplatesName() {
        String tag = SubmissionTags.newTag("s");
        assertEquals("c001.drmaa2j-" + tag, GridEngineTags.jobName("c001", tag));
        assertEquals("drmaa2j-" + tag, GridEngineTags.jobName(null, tag));
        assertEquals(Optional.of(tag), GridEngineTags.tagOf(GridEngineTags.jobName("a.b", tag)));
        assertEquals(Optional.empty(), GridEngineTags.tagOf("mydrmaa2j-0123456789ab.cdef01234567"), "only a whole word");
        assertEquals(Optional.empty(), GridEngineTags.tagOf("c001"));
        assertEquals(Optional.empty(), GridEngineTags.tagOf("drmaa2j-0123456789ab.cdef0123456"), "a tag has 24 hex digits");
    }

    @Test
    void qstatR_givesTheJobNumberOfEachTag_runningHeldAndArrays() {
        assertEquals(Map.of("0123456789ab.ffffffffffff", "8", "0123456789ab.bbbbbbbbbbbb", "7"),
                GridEngineTags.fromQstat(sample("qstat-u-r-held.txt")));
        assertEquals(Map.of("0123456789ab.eeeeeeeeeeee", "5"), GridEngineTags.fromQstat(sample("qstat-u-r-tagged.txt")));
        assertEquals(Map.of(), GridEngineTags.fromQstat(""), "no job: qstat prints nothing");
    }

    @Test
    void qacct_givesTheJobNumberOfEachTag_ofEndedJobsAndTasks() {
        assertEquals(Map.of("0123456789ab.cdef01234567", "1", "0123456789ab.aaaaaaaaaaaa", "2", "0123456789ab.dddddddddddd", "4",
                        "0123456789ab.bbbbbbbbbbbb", "3", "0123456789ab.eeeeeeeeeeee", "5"),
                GridEngineTags.fromQacct(sample("qacct-o-b-j-tagged.txt")));
        assertEquals(Map.of(), GridEngineTags.fromQacct(sample("qacct-j.txt")));
    }

    @Test
    void accountingEnds_exitStatus_andAKilledJobsSignal() {
        Map<String, GridEngineAccounting.End> ends = GridEngineAccounting.ends(sample("qacct-o-b-j-tagged.txt"));
        assertEquals(new GridEngineAccounting.End(1, null, null), ends.get("1"));
        assertEquals(new GridEngineAccounting.End(0, null, null), ends.get("3.1"));
        assertEquals(new GridEngineAccounting.End(0, null, null), ends.get("5.2"));
        GridEngineAccounting.End killed = GridEngineAccounting.ends(sample("qacct-j-killed.txt")).get("6");
        assertEquals(new GridEngineAccounting.End(null, "SIGKILL", "100 : assumedly after job"), killed);
        assertEquals(org.drmaa2j.JobState.FAILED, ForeignJobEnds.ended(org.drmaa2j.JobInfo.builder().jobId("6").build(), killed).getJobState());
    }
}
