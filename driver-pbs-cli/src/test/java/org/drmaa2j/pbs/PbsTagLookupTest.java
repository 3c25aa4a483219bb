// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.junit.jupiter.api.Test;

/** Submission tags found again in the job variable every PBS job keeps in its history, in every output form. */
class PbsTagLookupTest {
    @Test
    void tagOf_jsonTextAndXmlForms() {
        assertEquals(Optional.of("a.b"), PbsTagLookup.tagOf(Map.of("Variable_List.DRMAA2J_TAG", "drmaa2j:a.b")));
        assertEquals(Optional.of("a.b"), PbsTagLookup.tagOf(Map.of("Variable_List", "PBS_O_HOME=/home/u,DRMAA2J_TAG=drmaa2j:a.b,PBS_O_QUEUE=batch")));
        assertEquals(Optional.of("a.b"), PbsTagLookup.tagOf(Map.of("Variable_List", "DRMAA2J_TAG=drmaa2j:a.b")));
        assertEquals(Optional.empty(), PbsTagLookup.tagOf(Map.of("Variable_List", "X_DRMAA2J_TAG=drmaa2j:a.b")));
        assertEquals(Optional.empty(), PbsTagLookup.tagOf(Map.of("Variable_List", "PBS_O_HOME=/home/u")));
        assertEquals(Optional.empty(), PbsTagLookup.tagOf(Map.of("Variable_List.DRMAA2J_TAG", "someone else's")));
        assertEquals(Optional.empty(), PbsTagLookup.tagOf(Map.of()));
    }

    @Test
    void openPbs_jobHistorySinceTheOldestIntent_thenTheirVariables_onTheRealCapture() {
        String file = "openpbs2306_real_qselect_x_qstat_tags.txt";
        Samples.Step qselect = Samples.command(file, "qselect -x -u drmaa -t q.ge.202612061305");
        Samples.Step qstat = Samples.command(file, "qstat -f -F json -x -t 1002.pbshost 1003[].pbshost");
        ScriptedRunner r = new ScriptedRunner().on("id", 0, "drmaa\n", "").on("qselect", qselect.rc(), qselect.stdout(), qselect.stderr())
                .on("qstat", qstat.rc(), qstat.stdout(), qstat.stderr());
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.PBSPRO, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        Instant recorded = Instant.parse("2026-12-06T13:05:10Z");
        Map<String, String> found = new PbsTagLookup(r, PbsDialect.PBSPRO, ZoneOffset.UTC, q).find(List.of(
                new SubmissionIntent("0a1b2c3d4e5f.00112233aabb", recorded, t, null),
                new SubmissionIntent("0a1b2c3d4e5f.ccddeeff0011", recorded, t, new org.drmaa2j.spi.backend.BulkRange(1, 2, 1, 0)),
                new SubmissionIntent("0a1b2c3d4e5f.999999999999", recorded, t, null)));
        assertEquals(Map.of("0a1b2c3d4e5f.00112233aabb", "1002.pbshost", "0a1b2c3d4e5f.ccddeeff0011", "1003[].pbshost"), found,
                "finished jobs found in job history; an array by its array id, whichever of its records carried the tag");
        List<List<String>> argv = r.commands.stream().map(c -> c.argv()).toList();
        assertEquals(List.of("qselect", "-x", "-u", "drmaa", "-t", "q.ge.202612061255"), argv.get(1), "ten minutes before the oldest intent");
        assertEquals(List.of("qstat", "-f", "-F", "json", "-x", "-t"), argv.get(2).subList(0, 6));
        assertEquals(qselect.stdout().lines().toList(), argv.get(2).subList(6, argv.get(2).size()), "every id qselect listed, once");
    }

    @Test
    void torque_readsEveryJobOnce_arraysByTheirArrayId() {
        String xml = "<?xml version=\"1.0\"?><Data>"
                + "<Job><Job_Id>12.srv</Job_Id><job_state>C</job_state><Variable_List>PBS_O_HOME=/h,DRMAA2J_TAG=drmaa2j:s.1</Variable_List></Job>"
                + "<Job><Job_Id>13[2].srv</Job_Id><job_state>Q</job_state><Variable_List>DRMAA2J_TAG=drmaa2j:s.2,PBS_O_HOME=/h</Variable_List></Job>"
                + "<Job><Job_Id>14.srv</Job_Id><job_state>R</job_state><Variable_List>PBS_O_HOME=/h</Variable_List></Job>"
                + "</Data>";
        ScriptedRunner r = new ScriptedRunner().on("qstat", 0, xml, "");
        PbsStatusQuery q = new PbsStatusQuery(r, PbsDialect.TORQUE, ZoneOffset.UTC, new ExitFiles(r, null), new SlurmTaskIds());
        JobTemplate t = JobTemplate.builder("/bin/true").build();
        Map<String, String> found = new PbsTagLookup(r, PbsDialect.TORQUE, ZoneOffset.UTC, q).find(List.of(
                new SubmissionIntent("s.1", Instant.now(), t, null), new SubmissionIntent("s.2", Instant.now(), t, null),
                new SubmissionIntent("s.3", Instant.now(), t, null)));
        assertEquals(Map.of("s.1", "12.srv", "s.2", "13[].srv"), found);
        assertEquals(List.of(List.of("qstat", "-x", "-t")), r.commands.stream().map(c -> c.argv()).toList());
        assertTrue(new PbsTagLookup(r, PbsDialect.TORQUE, ZoneOffset.UTC, q).find(List.of()).isEmpty());
    }
}
