// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.script.CompletionTail;
import org.drmaa2j.spi.store.CompletionMarker;
import org.junit.jupiter.api.Test;

/**
 * The end of HTCondor job scripts, against what the real 23.9.6 pool did with it
 * ({@code htcondor2396_real_forwarding_tail_rm_hold_end}): condor_rm and condor_hold signal the
 * script alone, which passes the signal on to its command and ends without a marker; a job that
 * ends by itself leaves the marker of its exit status, the one condor_history reports.
 */
class CondorCompletionTailTest {
    private static final String SAMPLE = Samples.read("htcondor2396_real_forwarding_tail_rm_hold_end");

    private static String section(String name) {
        int at = SAMPLE.indexOf("--- " + name + "\n");
        int end = SAMPLE.indexOf("\n--- ", at + 1);
        return SAMPLE.substring(at + name.length() + 5, end + 1);
    }

    @Test
    void thePoolRanTheTailTheDriverWrites() {
        String tail = CompletionTail.marker("/home/drmaa/m", "t").applyTo(CompletionTail.FORWARDING_TEXT);
        String job = section("job.sh");
        assertTrue(job.startsWith("DRMAA2J_INDEX=${1:-1}\n" + tail + "drmaa2j_run "), "the sample's script is the driver's tail, unchanged: " + job);
    }

    @Test
    void theDriversScript_endsWithTheForwardingTail_andRunsItsCommandThroughIt() {
        String script = CondorSubmitCommandTest.SUBMIT.script(JobTemplate.builder("/bin/sleep").args("5").build(), false);
        assertTrue(script.contains(CompletionTail.FORWARDING_TEXT), script);
        assertTrue(script.strip().endsWith("\ndrmaa2j_run /bin/sleep 5"), script);
        assertFalse(script.contains("\nexec "), "the command is not exec'd over the script: " + script);
    }

    @Test
    void theMarkerLine_isFilledInBeforeTheScriptBecomesABashWord() {
        CondorSubmitCommand.Marked m = CondorSubmitCommandTest.SUBMIT.build(JobTemplate.builder("/bin/true").build(), new BulkRange(1, 3, 1, 0),
                null, CompletionTail.marker("/home/drmaa/.drmaa2j/s/markers", "tag-1"));
        assertTrue(m.marked());
        String description = new String(m.command().stdin(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(description.contains("\\nDRMAA2J_MARKER=/home/drmaa/.drmaa2j/s/markers/tag-1\\n"), description);
        assertFalse(description.contains("@drmaa2j-marker-"), "no placeholder left");
        CondorSubmitCommand.Marked plain = CondorSubmitCommandTest.SUBMIT.build(JobTemplate.builder("/bin/true").build(), null, null,
                CompletionTail.plain());
        assertFalse(plain.marked());
        assertTrue(new String(plain.command().stdin(), java.nio.charset.StandardCharsets.UTF_8).contains("\\nDRMAA2J_MARKER=\\n"));
    }

    @Test
    void onThePool_removedAndHeldJobsLeftNoMarker_theEndedOneItsExitStatus() {
        String session = SAMPLE.substring(SAMPLE.indexOf("--- session\n"));
        // condor_rm of the running job: gone from the queue, its command got TERM, no marker
        assertTrue(session.contains("$ condor_history 1.0 -af ClusterId ProcId JobStatus ExitBySignal ExitSignal\n1 0 3 true 15\n"), session);
        assertTrue(session.contains("$ sh -c cat /home/drmaa/log; ls -A /home/drmaa/m\nchild-got-TERM\n--- rc=0"), session);
        // the job that ended with status 3: its marker and condor_history agree
        int at = session.indexOf("== /home/drmaa/m/n.1.exit\n");
        CompletionMarker marker = CompletionMarker.parse(session.substring(at, session.indexOf("--- rc", at)));
        assertEquals(3, marker.exitStatus());
        assertEquals(0, marker.signal());
        assertEquals(JobState.FAILED, marker.state());
        assertTrue(session.contains("ProcId JobStatus ExitCode ExitBySignal\n2 0 4 3 false\n"), "Completed, ExitCode 3: " + session);
        // held at submission, removed: never started, no marker; held while running: Held, no marker
        assertTrue(session.contains("NumJobStarts\n3 0 3 0\n--- rc=0\n$ ls -A /home/drmaa/m\nn.1.exit\n--- rc=0"), session);
        assertTrue(session.contains("HoldReasonCode\n4 0 5 1\n--- rc=0\n$ sh -c cat /home/drmaa/log; ls -A /home/drmaa/m\nchild-got-TERM\nn.1.exit\n--- rc=0"),
                session);
        assertFalse(session.contains("t.1.exit"), "no marker of the signalled jobs");
    }

    @Test
    void onThePool_suspendStopsTheWholeJob_vacateSignalsTheCommand_noMarker() {
        String session = Samples.read("htcondor2396_real_forwarding_tail_suspend_vacate");
        String suspended = session.substring(session.indexOf("$ condor_suspend 1.0"), session.indexOf("$ condor_continue 1.0"));
        for (String process : new String[] {"/bin/bash /home/drmaa/job.sh", "/bin/sh -c echo", "sleep 300"}) {
            String line = suspended.lines().filter(l -> l.contains(process) && !l.contains("condor_shadow")).reduce((a, b) -> b).orElseThrow();
            assertTrue(line.matches("\\s*\\d+\\s+\\d+\\s+T.*"), "stopped while the job is suspended: " + line);
        }
        String vacated = session.substring(session.indexOf("$ condor_vacate_job 1.0"));
        assertTrue(vacated.contains("$ sh -c cat /home/drmaa/log; ls -A /home/drmaa/m\nchild-got-TERM\n--- rc=0"), "TERM, no marker: " + vacated);
    }
}
