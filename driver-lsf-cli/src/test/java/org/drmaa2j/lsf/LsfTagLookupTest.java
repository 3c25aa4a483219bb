// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.junit.jupiter.api.Test;

/**
 * The tag lookup's command lines and how it reads LSF's answers: job ids as {@code bjobs -noheader
 * -o} prints them (one field per line, as in the recorded aiida sample's first column), the
 * {@code Job <N>} header of {@code bhist -l} (as in the recorded bhist layout), LSF's "not found"
 * words, and any other failure as a communication error.
 */
class LsfTagLookupTest {
    private static final SubmissionIntent INTENT = new SubmissionIntent("0123456789ab.cdef01234567", Instant.now(),
            JobTemplate.builder("/bin/true").build(), null);
    private static final String LABEL = "drmaa2j:0123456789ab.cdef01234567";

    private static Map<String, String> find(ScriptedRunner r) {
        return new LsfTagLookup(CliCommands.onPath(r)).find(List.of(INTENT));
    }

    @Test
    void jobStillInBjobs_isFoundThere() {
        ScriptedRunner r = new ScriptedRunner().answer("bjobs", 0, "764254593\n", "");
        assertEquals(Map.of(INTENT.tag(), "764254593"), find(r));
        assertEquals(List.of(List.of("bjobs", "-a", "-noheader", "-o", "jobid", "-Jd", LABEL)), r.calls);
    }

    @Test
    void arrayElements_giveTheArraysId() {
        assertEquals(Optional.of("764254593"), LsfTagLookup.firstId(" 764254593\n764254593\n"));
        assertEquals(Optional.of("764254593"), LsfTagLookup.firstId("LSF is processing your request. Please wait ...\n764254593[2]"));
    }

    @Test
    void jobForgottenByBjobs_isFoundInBhist() {
        ScriptedRunner r = new ScriptedRunner().answer("bjobs", 255, "", "No job found\n")
                .answer("bhist", 0, "\nJob <4242>, Job Name <vanish-bhist>, User <alice>, Project <default>, Command <#!\n"
                        + "                     /bin/bash>\n", "");
        assertEquals(Map.of(INTENT.tag(), "4242"), find(r));
        assertEquals(List.of("bhist", "-a", "-l", "-n", "0", "-Jd", LABEL), r.calls.get(1));
    }

    @Test
    void unknownTag_isNotFound() {
        ScriptedRunner r = new ScriptedRunner().answer("bjobs", 255, "", "No job found\n").answer("bhist", 255, "No matching job found\n", "");
        assertEquals(Map.of(), find(r));
    }

    @Test
    void lsfNotAnswering_isACommunicationError_notANotFound() {
        ScriptedRunner r = new ScriptedRunner().answer("bjobs", 255, "", "LSF is down. Please wait ...\nbatch system daemon not responding ... still trying\n");
        DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> find(r));
        assertTrue(e.getMessage().contains("not responding"), e.getMessage());
    }
}
