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
