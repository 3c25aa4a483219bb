// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

/** The batched status query's commands, answered with outputs recorded from the real pool. */
class CondorStatusQueryTest {
    private static ReplayRunner pool() {
        return new ReplayRunner()
                .on("condor_q -json", 0, Samples.read("condor_q_json_running"), "")
                .on("condor_history -json", 0, Samples.read("condor_history_json"), "");
    }

    @Test
    void jobsInTheQueue_oneCondorQ_noHistory() {
        ReplayRunner r = pool();
        Map<String, Instant> asked = Map.of("7.0", Instant.ofEpochSecond(1796553232), "7.1", Instant.ofEpochSecond(1796553232));
        Map<String, JobInfo> found = new CondorStatusQuery(r).query(asked);
        assertEquals(Set.of("7.0", "7.1"), found.keySet());
        assertEquals(JobState.RUNNING, found.get("7.0").getJobState());
        assertEquals(1, r.commands.size());
        assertEquals(List.of("condor_q", "-json", "-attributes", CondorJobAds.attributeList()), r.commands.get(0).argv());
    }

    @Test
    void jobsThatLeft_oneCondorHistory_boundedByCountAndTime_unmaterializedTasksNotAsked() {
        ReplayRunner r = pool();
        Map<String, Instant> asked = new HashMap<>();
        asked.put("7.0", Instant.ofEpochSecond(1796553232));
        asked.put("2.0", Instant.ofEpochSecond(1796553167));
        asked.put("9.0", Instant.ofEpochSecond(1796553248));
        asked.put("9.2", Instant.ofEpochSecond(1796553248)); // ProcId 2 of the array whose factory materializes 2 next
        asked.put("10.0", Instant.ofEpochSecond(1796553281));
        Map<String, JobInfo> found = new CondorStatusQuery(r).query(asked);
        assertEquals(Set.of("7.0", "2.0", "9.0", "10.0"), found.keySet());
        assertEquals(3, found.get("2.0").getExitStatus());
        assertEquals(JobState.DONE, found.get("9.0").getJobState());
        assertEquals(JobState.FAILED, found.get("10.0").getJobState());
        assertEquals(1, r.calls("condor_q").size());
        List<List<String>> history = r.calls("condor_history");
        assertEquals(1, history.size(), "one condor_history for every job that left the queue");
        List<String> argv = history.get(0);
        assertEquals("(ClusterId == 2 && (ProcId == 0)) || (ClusterId == 9 && (ProcId == 0)) || (ClusterId == 10 && (ProcId == 0))",
                argv.get(argv.indexOf("-constraint") + 1));
        assertEquals("3", argv.get(argv.indexOf("-limit") + 1));
        assertEquals("EnteredCurrentStatus < " + (1796553167 - 3600), argv.get(argv.indexOf("-since") + 1));
    }

    @Test
    void thousandsOfLeftJobs_chunkedConstraints() {
        ReplayRunner r = new ReplayRunner().on("condor_q -json", 0, "", "").on("condor_history -json", 0, "", "");
        Map<String, Instant> asked = new HashMap<>();
        for (int i = 0; i < 2500; i++) asked.put("100." + i, Instant.ofEpochSecond(1796553167));
        assertTrue(new CondorStatusQuery(r).query(asked).isEmpty());
        assertEquals(3, r.calls("condor_history").size());
    }

    @Test
    void scheddDown_isACommunicationError() {
        ReplayRunner r = new ReplayRunner().on("condor_q", 1, "", Samples.read("condor_q_schedd_down.stderr"));
        DrmCommunicationException e = org.junit.jupiter.api.Assertions.assertThrows(DrmCommunicationException.class,
                () -> new CondorStatusQuery(r).query(Map.of("1.0", Instant.EPOCH)));
        assertTrue(e.getMessage().contains("Can't find address for schedd"), e.getMessage());
        assertTrue(HTCondorProvider.TRANSIENT.isTransient(new org.drmaa2j.spi.exec.CommandResult(
                org.drmaa2j.spi.exec.Command.of("condor_q"), 1, "", Samples.read("condor_q_schedd_down.stderr"), java.time.Duration.ZERO)));
    }

    @Test
    void tagLookup_queueThenHistory_clusterOfEachTag() {
        ReplayRunner r = new ReplayRunner()
                .on("condor_q -json", 0, Samples.read("condor_q_json_tags"), "")
                .on("condor_history -json", 0, Samples.read("condor_history_json_tags"), "");
        Instant when = Instant.ofEpochSecond(1796553100);
        var intents = List.of(new org.drmaa2j.spi.store.SubmissionIntent("0123456789ab.000000000001", when,
                        org.drmaa2j.JobTemplate.builder("/bin/true").build(), null),
                new org.drmaa2j.spi.store.SubmissionIntent("0123456789ab.000000000003", when,
                        org.drmaa2j.JobTemplate.builder("/bin/true").build(), new org.drmaa2j.spi.backend.BulkRange(2, 8, 3, 0)),
                new org.drmaa2j.spi.store.SubmissionIntent("0123456789ab.00000000000f", when,
                        org.drmaa2j.JobTemplate.builder("/bin/true").build(), null));
        assertEquals(Map.of("0123456789ab.000000000001", "1", "0123456789ab.000000000003", "5"), new CondorTagLookup(r).find(intents));
        assertEquals(1, r.calls("condor_q").size());
        assertEquals(1, r.calls("condor_history").size());
        List<String> q = r.calls("condor_q").get(0);
        assertEquals("member(Drmaa2jTag, {\"drmaa2j:0123456789ab.000000000001\", \"drmaa2j:0123456789ab.000000000003\","
                + " \"drmaa2j:0123456789ab.00000000000f\"})", q.get(q.indexOf("-constraint") + 1));
        List<String> h = r.calls("condor_history").get(0);
        assertEquals("EnteredCurrentStatus < " + (1796553100 - 3600), h.get(h.indexOf("-since") + 1));
    }
}
